import assert from "node:assert/strict";
import { test } from "vitest";
import { changesSince } from "../../cli/import/changes";
import type { ImportedData, ImportedGroup } from "../../cli/import/model";

// What a re-import prints: one line per group or user that changed since the module it replaces.

const group = (name: string, members: string[], roles: ImportedGroup["roles"] = []) => ({
  resourceName: name,
  name,
  roles,
  members,
});

const before: ImportedData = {
  version: 1,
  asa: {
    team: "william-faulkner",
    groups: [
      group("gone", ["a"]),
      group("platform", ["a", "b", "c"], ["access_user"]),
      group("same", ["a"]),
    ],
  },
  secureframe: {
    users: [
      {
        resourceName: "j@example.com",
        id: "1",
        email: "j@example.com",
        status: { active: true },
        attributes: { employeeType: "employee" },
      },
    ],
  },
};

test("the same data: no change", () => {
  assert.deepEqual(changesSince(before, structuredClone(before)), []);
});

test("members in and out, roles, groups new and gone, user values: each named", () => {
  const after: ImportedData = {
    version: 1,
    asa: {
      team: "william-faulkner",
      groups: [
        group("new", ["x"], ["access_user"]),
        group("platform", ["a", "d", "e"], ["access_admin", "access_user"]),
        group("same", ["a"]),
      ],
    },
    secureframe: {
      users: [
        {
          resourceName: "j@example.com",
          id: "1",
          email: "j@example.com",
          status: { active: false },
          attributes: { employeeType: "employee", endDate: "1928-04-08T00:00:00.000Z" },
        },
        {
          resourceName: "k@example.com",
          id: "2",
          email: "k@example.com",
          status: { active: true },
        },
      ],
    },
  };
  assert.deepEqual(changesSince(before, after), [
    'ASA group "new": new, roles access_user, 1 member',
    'ASA group "platform": roles access_user → access_admin, access_user; +2 (d, e); -2 (b, c)',
    'ASA group "gone": gone',
    'Secureframe user j@example.com: active true → false, endDate (none) → "1928-04-08T00:00:00.000Z"',
    "Secureframe user k@example.com: new",
  ]);
});

test("long lists are cut at ten names, with the count of the rest", () => {
  const many = Array.from({ length: 12 }, (_, i) => `u${String(i).padStart(2, "0")}`);
  const after: ImportedData = {
    version: 1,
    asa: {
      team: "william-faulkner",
      groups: [
        group("gone", []),
        group("platform", ["a", "b", "c", ...many]),
        group("same", ["a"]),
      ],
    },
  };
  const lines = changesSince({ ...before, secureframe: undefined }, after);
  assert.deepEqual(lines, [
    'ASA group "gone": -1 (a)',
    'ASA group "platform": roles access_user → none; +12 (u00, u01, u02, u03, u04, u05, u06, u07, u08, u09 and 2 more)',
  ]);
});

test("another team: said first, as every group then belongs to it", () => {
  const after = structuredClone(before);
  if (after.asa) after.asa.team = "compson";
  assert.deepEqual(changesSince(before, after), [
    'ASA team "william-faulkner" → "compson": every group below is another team\'s',
  ]);
});
