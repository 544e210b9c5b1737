import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { buildReview } from "../../cli/review/build";
import { accessGrants } from "../../cli/review/grants";
import { type Preview, parsePreview } from "../../cli/review/preview-json";
import type { GroupReview } from "../../cli/review/review";
import { fixture, fixtureText, stateExport } from "./review-fixtures";

// The review of real previews (test/fixtures/preview-json, captured from the CLI): per group who
// is added and removed and the roles that grants, per user the values that change.

const byName = (groups: GroupReview[], name: string) => {
  const group = groups.find((g) => g.name === name);
  assert.ok(group, `no review of group ${name}: ${groups.map((g) => g.name).join(", ")}`);
  return group;
};
const team = "william-faulkner";

describe("groups", () => {
  const { groups } = buildReview(fixture("changes.json"), stateExport());

  test("only groups whose access changes, sorted", () => {
    assert.deepEqual(
      groups.map((g) => g.name),
      [
        "compsons",
        "contractors",
        "existing",
        "later",
        "legacy",
        "new-name",
        "old-name",
        "ops",
        "platform",
        "release",
        "stable",
      ],
    );
  });

  test("members added and removed, from the old and new inputs, with the group's roles", () => {
    assert.deepEqual(byName(groups, "platform"), {
      team,
      name: "platform",
      group: "unchanged",
      roles: { before: ["access_user"], after: ["access_user"] },
      members: {
        kind: "listed",
        added: ["*star*_under_", "<b>bold</b>", "@here", "member-07", "tick`name"],
        removed: ["member-02", "member-03"],
        after: 10,
      },
      memberCount: 10,
    });
  });

  test("created, deleted, renamed (the old group loses its members, the new one gains them)", () => {
    assert.deepEqual(byName(groups, "release"), {
      team,
      name: "release",
      group: "created",
      roles: { before: [], after: ["access_user", "reporting_user"] },
      members: { kind: "listed", added: ["member-08", "member-09"], removed: [], after: 2 },
      memberCount: 2,
    });
    assert.deepEqual(byName(groups, "legacy"), {
      team,
      name: "legacy",
      group: "deleted",
      roles: { before: ["access_admin"], after: [] },
      members: { kind: "listed", added: [], removed: ["member-02", "member-03"], after: 0 },
      memberCount: 0,
    });
    assert.deepEqual(byName(groups, "old-name").members, {
      kind: "listed",
      added: [],
      removed: ["member-04"],
      after: 0,
    });
    assert.equal(byName(groups, "old-name").group, "deleted");
    assert.equal(byName(groups, "new-name").group, "created");
    assert.deepEqual(byName(groups, "new-name").members, {
      kind: "listed",
      added: ["member-04"],
      removed: [],
      after: 1,
    });
  });

  test("a role change reaches every member; their number comes from the state", () => {
    assert.deepEqual(byName(groups, "ops"), {
      team,
      name: "ops",
      group: "roles changed",
      roles: { before: ["access_user"], after: ["access_admin", "access_user"] },
      members: null,
      memberCount: 2,
    });
  });

  test("an adopted group, secret members, members known only during up", () => {
    assert.deepEqual(byName(groups, "existing"), {
      team,
      name: "existing",
      group: "adopted",
      roles: { before: null, after: ["access_user"] },
      members: { kind: "adopted", declared: 2 },
      memberCount: 2,
    });
    assert.deepEqual(byName(groups, "compsons").members, { kind: "secret" });
    assert.deepEqual(byName(groups, "later").members, { kind: "unknown" });
  });

  test("additive to authoritative: the members it left alone are removed", () => {
    assert.deepEqual(byName(groups, "contractors"), {
      team,
      name: "contractors",
      group: "unchanged",
      roles: null, // not an asa.Group of the stack
      members: { kind: "listed", added: [], removed: ["member-12"], after: 1 },
      memberCount: 1,
    });
  });

  test("roles of unchanged groups: unknown from the preview alone, named by --state or a refresh", () => {
    const alone = buildReview(fixture("changes.json"));
    assert.equal(byName(alone.groups, "stable").roles, null);
    assert.equal(byName(alone.groups, "ops").memberCount, null);
    assert.equal(alone.wholeStack, false);
    const refreshed = buildReview(fixture("refresh.json"));
    assert.deepEqual(byName(refreshed.groups, "stable").roles, {
      before: ["reporting_user"],
      after: ["reporting_user"],
    });
    assert.equal(refreshed.wholeStack, true);
  });

  test("a refreshed preview reviews what up does from the live state: a member added by hand is removed", () => {
    const { groups: refreshed } = buildReview(fixture("refresh.json"));
    const platform = byName(refreshed, "platform").members;
    assert.equal(platform?.kind, "listed");
    assert.deepEqual(platform.kind === "listed" && platform.removed, [
      "member-02",
      "member-03",
      "member-12",
    ]);
  });
});

/** The preview with each membership's `members` input rewritten. */
function withMembers(preview: Preview, rewrite: (members: unknown) => unknown): Preview {
  const steps = preview.steps.map((step) => {
    if (!step.urn.includes("asa:GroupMembership::")) return step;
    const mapped = (state: typeof step.old) =>
      state && { ...state, inputs: { ...state.inputs, members: rewrite(state.inputs.members) } };
    return {
      ...step,
      ...(step.old ? { old: mapped(step.old) } : {}),
      ...(step.new ? { new: mapped(step.new) } : {}),
    };
  });
  return { ...preview, steps };
}

describe("members in other forms", () => {
  const preview = fixture("changes.json");
  const expected = byName(buildReview(preview).groups, "platform").members;

  test("a list of names reads as the name set does", () => {
    const asList = withMembers(preview, (m) =>
      m && typeof m === "object" && !Array.isArray(m) ? Object.keys(m).reverse() : m,
    );
    assert.deepEqual(byName(buildReview(asList).groups, "platform").members, expected);
  });

  test("a form it does not know: the old members from the outputs' list; new ones unknown", () => {
    const compact = withMembers(preview, (m) =>
      m && typeof m === "object" ? { count: 3, digest: "ab12" } : m,
    );
    assert.deepEqual(byName(buildReview(compact).groups, "platform").members, { kind: "unknown" });
    const deleted = byName(buildReview(compact).groups, "legacy").members;
    assert.deepEqual(deleted, {
      kind: "listed",
      added: [],
      removed: ["member-02", "member-03"],
      after: 0,
    });
  });
});

test("users: each managed value before and after; values managed from now on; values let go", () => {
  const { users } = buildReview(fixture("changes.json"));
  const summary = users.map(
    (u) =>
      `${u.resource} ${u.user} ${u.change}: ${u.fields.map((f) => `${f.field} ${JSON.stringify(f.before)}→${JSON.stringify(f.after)}`).join(", ")}`,
  );
  assert.deepEqual(summary, [
    'asa.UserAttributes Benjy.Compson updated: details.email "benjy@example.com"→"benjy.c@example.com", details.firstName undefined→"Benjamin"',
    'asa.UserStatus Jason.Compson.IV updated: status "ACTIVE"→"DISABLED"',
    'asa.UserStatus member-01 created: status undefined→"DISABLED"',
    'scaikey.UserStatus caddy.compson@example.com updated: reason "Unusual sign-ins"→"Cleared", status "LOCKED"→"ACTIVE"',
    'scaikey.UserAttributes jason.compson@example.com deleted: customAttributes.employer "Earl"→undefined, displayName "Jason"→undefined',
    'secureframe.UserAttributes caddy.compson@example.com updated: employeeType "contractor"→"employee", endDate undefined→"2030-06-30T00:00:00.000Z"',
    "secureframe.UserStatus caddy.compson@example.com updated: active true→false",
  ]);
  assert.equal(users.find((u) => u.change === "deleted")?.restoreOnDelete, false);
  assert.equal(users.find((u) => u.resource === "asa.UserStatus")?.scope, team);
});

test("what grants access, and a change that only takes it away", () => {
  assert.deepEqual(accessGrants(buildReview(fixture("changes.json"), stateExport())), [
    'the members of group "compsons" are secret',
    'group "existing" adopted: who is in it is compared with the declaration only during up',
    'the members of group "later" are known only during up',
    '1 member(s) added to group "new-name"',
    'group "ops" grants access_admin to its members',
    '5 member(s) added to group "platform"',
    '2 member(s) added to group "release"',
    '1 member(s) added to group "stable"',
    'ScaiKey user "caddy.compson@example.com" set to ACTIVE',
  ]);
  const removals = buildReview(fixture("removals-only.json"));
  assert.deepEqual(
    removals.groups.map((g) => [g.name, g.members]),
    [["platform", { kind: "listed", added: [], removed: ["member-01"], after: 6 }]],
  );
  assert.deepEqual(accessGrants(removals), []);
});

describe("a preview run with --run-program", () => {
  test("its thinner refresh steps still give an unchanged group's roles", () => {
    // Pulumi 3.248 with --run-program: a refresh step's new state has no outputs, and inputs
    // without what the provider filled in (team, adopt).
    const raw = JSON.parse(fixtureText("refresh.json"));
    for (const step of raw.steps) {
      if (step.op !== "refresh" || !step.newState) continue;
      delete step.newState.outputs;
      delete step.newState.inputs?.team;
      delete step.newState.inputs?.adopt;
    }
    const { groups } = buildReview(parsePreview(JSON.stringify(raw), "preview.json"));
    assert.deepEqual(byName(groups, "stable").roles, {
      before: ["reporting_user"],
      after: ["reporting_user"],
    });
  });
});
