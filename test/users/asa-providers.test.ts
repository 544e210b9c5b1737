import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { spec as attributesSpec } from "../../provider/asa/user-attributes";
import { spec as statusSpec } from "../../provider/asa/user-status";
import { UNKNOWN } from "../../provider/resource";
import { checkReasons, create, refresh, rejection, up, useEmulator } from "./fixture";

const emulator = useEmulator();
const team = "william-faulkner";
const jason = "Jason.Compson.IV";
const user = (name: string) => emulator().control.asa.user(team, name);

describe("asa.UserAttributes", () => {
  const provider = attributesSpec.provider();

  test("create sets the declared details only, records what it found, and names the user team/username", async () => {
    const { id, outs } = await create(provider, {
      username: jason,
      details: { firstName: "Jay", email: "jay@example.com" },
    });
    assert.equal(id, `${team}/${jason}`);
    assert.deepEqual((await user(jason)).details, {
      first_name: "Jay",
      last_name: "Compson",
      full_name: "Jason Compson IV",
      email: "jay@example.com",
    });
    assert.deepEqual(outs, {
      username: jason,
      team,
      details: { firstName: "Jay", email: "jay@example.com" },
      restoreOnDelete: false,
      userId: "6da51721-1c8a-4d5c-955f-d27a0fe35bdf",
      originalValues: { details: { firstName: "Jason", email: "jason.compson@example.com" } },
    });
  });

  test("refresh shows a hand change of a declared detail, and up puts it back", async () => {
    const { id, outs } = await create(provider, { username: jason, details: { firstName: "Jay" } });
    await emulator().control.asa.updateUser(team, jason, {
      details: {
        first_name: "Jase",
        last_name: "Compson",
        full_name: "Jason Compson IV",
        email: "jason.compson@example.com",
      },
    });
    const read = await refresh(provider, id, outs);
    assert.deepEqual(read.props?.details, { firstName: "Jase" });
    assert.deepEqual(read.inputs, {
      username: jason,
      team,
      details: { firstName: "Jase" },
      restoreOnDelete: false,
    });

    const { diff, outs: after } = await up(provider, id, read.props ?? {}, {
      username: jason,
      details: { firstName: "Jay" },
    });
    assert.equal(diff.changes, true);
    assert.equal((await user(jason)).details?.first_name, "Jay");
    // What was found at creation is kept across the revert.
    assert.deepEqual(after.originalValues, { details: { firstName: "Jason" } });
  });

  test("a hand change of an undeclared detail is not drift", async () => {
    const args = { username: jason, details: { firstName: "Jay" } };
    const { id, outs } = await create(provider, args);
    await emulator().control.asa.updateUser(team, jason, {
      details: {
        first_name: "Jay",
        last_name: "Compton",
        full_name: "Jay Compton",
        email: "jay@x.example",
      },
    });
    const read = await refresh(provider, id, outs);
    assert.deepEqual(read.props, outs);
    const { diff } = await up(provider, id, read.props ?? {}, args);
    assert.equal(diff.changes, false);
  });

  test("update changes declared details; a newly declared one is recorded as it was before", async () => {
    const { id, outs } = await create(provider, { username: jason, details: { firstName: "Jay" } });
    const { outs: after } = await up(provider, id, outs, {
      username: jason,
      details: { firstName: "Jay", fullName: null },
    });
    assert.equal((await user(jason)).details?.full_name, null);
    assert.deepEqual(after.originalValues, {
      details: { firstName: "Jason", fullName: "Jason Compson IV" },
    });
  });

  test("delete leaves the details, unless restoreOnDelete puts back those found at creation", async () => {
    const kept = await create(provider, { username: jason, details: { lastName: "Snopes" } });
    await provider.delete?.(kept.id, kept.outs);
    assert.equal((await user(jason)).details?.last_name, "Snopes");

    await emulator().control.reset();
    const restored = await create(provider, {
      username: jason,
      details: { lastName: "Snopes", email: null },
      restoreOnDelete: true,
    });
    assert.equal((await user(jason)).details?.email, null);
    await provider.delete?.(restored.id, restored.outs);
    const details = (await user(jason)).details;
    assert.equal(details?.last_name, "Compson");
    assert.equal(details?.email, "jason.compson@example.com");
  });

  test("a user removed by hand is gone on refresh", async () => {
    const { id, outs } = await create(provider, {
      username: "Benjy.Compson",
      details: { firstName: "Ben" },
    });
    await emulator().control.asa.deleteUser(team, "Benjy.Compson");
    assert.deepEqual(await refresh(provider, id, outs), {});
  });

  test("an unknown username and a service user are clear errors", async () => {
    const missing = await rejection(
      create(provider, { username: "jason.compson.iv", details: { firstName: "J" } }),
    );
    assert.match(
      missing.message,
      /ASA team william-faulkner has no user "jason\.compson\.iv"; usernames are case-sensitive/,
    );
    const service = await rejection(
      create(provider, { username: "faulkner-automation", details: { fullName: "Bot" } }),
    );
    assert.match(
      service.message,
      /"faulkner-automation" of team william-faulkner is a service user, which has no details/,
    );
  });

  test("bad arguments fail at check with the property and the fix", async () => {
    assert.deepEqual(await checkReasons(provider, { details: { firstName: "J" } }), [
      'username: required: the user\'s ASA username, e.g. "Jason.Compson.IV"',
    ]);
    assert.deepEqual(
      await checkReasons(provider, {
        username: jason,
        details: { firstName: "J", middleName: "L" },
      }),
      [
        "details.middleName: unknown field; remove it or use one of firstName, lastName, fullName, email",
      ],
    );
    assert.deepEqual(
      await checkReasons(provider, { username: jason, details: { email: "jason at example" } }),
      [
        'details.email: "jason at example" is not an email address; give one like "jason.compson@example.com"',
      ],
    );
    assert.deepEqual(await checkReasons(provider, { username: jason, details: { firstName: 7 } }), [
      'details.firstName: must be a string, e.g. "Jason", or null to clear it; not 7',
    ]);
    assert.deepEqual(await checkReasons(provider, { username: jason, details: {} }), [
      "details: asa.UserAttributes manages nothing; declare at least one of details",
    ]);
    assert.deepEqual(await checkReasons(provider, { username: jason }), [
      "details: required: the user's details, e.g. { firstName: ... }",
    ]);
    assert.deepEqual(
      await checkReasons(provider, { username: jason, team: "a/b", details: { firstName: "J" } }),
      [
        'team: "a/b" is not a team name; give the ASA team\'s name, e.g. "william-faulkner", or leave team out to use identity:asaTeam',
      ],
    );
    assert.deepEqual(
      await checkReasons(provider, {
        username: jason,
        details: { firstName: "J" },
        status: "ACTIVE",
      }),
      [
        'status: asa.UserAttributes has no argument "status"; remove it or use one of username, team, details, restoreOnDelete',
      ],
    );
  });

  test("in a preview, unknown values pass check and count as changes", async () => {
    assert.deepEqual(await checkReasons(provider, { username: jason, details: UNKNOWN }), []);
    const { id, outs } = await create(provider, { username: jason, details: { firstName: "Jay" } });
    const diff = await provider.diff?.(id, outs, {
      username: jason,
      team,
      details: { firstName: UNKNOWN },
      restoreOnDelete: false,
    });
    assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
    const other = await provider.diff?.(id, outs, {
      username: UNKNOWN,
      team,
      details: { firstName: "Jay" },
      restoreOnDelete: false,
    });
    assert.deepEqual(other, { changes: true, replaces: ["username"], deleteBeforeReplace: true });
  });
});

describe("asa.UserStatus", () => {
  const provider = statusSpec.provider();

  test("create sets the status and records the one found; delete leaves it by default", async () => {
    const { id, outs } = await create(provider, { username: jason, status: "DISABLED" });
    assert.equal(id, `${team}/${jason}`);
    assert.equal((await user(jason)).status, "DISABLED");
    assert.deepEqual(outs, {
      username: jason,
      team,
      status: "DISABLED",
      allowDelete: false,
      restoreOnDelete: false,
      userId: "6da51721-1c8a-4d5c-955f-d27a0fe35bdf",
      originalValues: { status: "ACTIVE" },
    });
    await provider.delete?.(id, outs);
    assert.equal((await user(jason)).status, "DISABLED");
  });

  test("restoreOnDelete puts back the status found at creation", async () => {
    const { id, outs } = await create(provider, {
      username: "Benjy.Compson",
      status: "ACTIVE",
      restoreOnDelete: true,
    });
    assert.equal((await user("Benjy.Compson")).status, "ACTIVE");
    await provider.delete?.(id, outs);
    assert.equal((await user("Benjy.Compson")).status, "DISABLED");
  });

  test("refresh shows a status changed by hand and up puts it back; a details change is not drift", async () => {
    const args = { username: jason, status: "ACTIVE" };
    const { id, outs } = await create(provider, args);
    await emulator().control.asa.updateUser(team, jason, { details: null });
    assert.deepEqual((await refresh(provider, id, outs)).props, outs);

    await emulator().control.asa.updateUser(team, jason, { status: "DISABLED" });
    const read = await refresh(provider, id, outs);
    assert.equal(read.props?.status, "DISABLED");
    assert.equal(read.inputs?.status, "DISABLED");
    const { diff } = await up(provider, id, read.props ?? {}, args);
    assert.equal(diff.changes, true);
    assert.equal((await user(jason)).status, "ACTIVE");
  });

  test("DELETED needs allowDelete, and then ends the user", async () => {
    assert.deepEqual(await checkReasons(provider, { username: jason, status: "DELETED" }), [
      "status: DELETED ends the user for good (ASA cannot bring a deleted user back); set allowDelete: true to confirm, or use DISABLED",
    ]);
    assert.deepEqual(
      await checkReasons(provider, {
        username: jason,
        status: "DELETED",
        allowDelete: true,
        restoreOnDelete: true,
      }),
      [
        "restoreOnDelete: cannot be true with status DELETED: ASA cannot bring a deleted user back; remove restoreOnDelete, or use DISABLED",
      ],
    );
    await create(provider, { username: "Benjy.Compson", status: "DELETED", allowDelete: true });
    const benjy = await user("Benjy.Compson");
    assert.equal(benjy.status, "DELETED");
    assert.notEqual(benjy.deleted_at, null);
  });

  test("a change ASA refuses is a clear error naming the user and the change", async () => {
    const err = await rejection(
      create(provider, { username: "Quentin.Compson.III", status: "ACTIVE" }),
    );
    assert.equal(
      err.message,
      'Okta ASA refused to change ASA user "Quentin.Compson.III" of team william-faulkner (status "DELETED" → "ACTIVE"): HTTP 400, "user Quentin.Compson.III is deleted and cannot be restored"',
    );
  });

  test("bad statuses fail at check with the fix", async () => {
    assert.deepEqual(await checkReasons(provider, { username: jason, status: "active" }), [
      'status: "active" is not an ASA user status; use ACTIVE or DISABLED (DELETED needs allowDelete: true)',
    ]);
    assert.deepEqual(await checkReasons(provider, { username: jason }), [
      "status: required: the user's status; use ACTIVE or DISABLED (DELETED needs allowDelete: true)",
    ]);
    assert.deepEqual(
      await checkReasons(provider, { username: jason, status: "ACTIVE", restoreOnDelete: "yes" }),
      [
        'restoreOnDelete: must be true (put back the values found at creation when the resource is deleted) or false (leave the user as it is), not "yes"',
      ],
    );
  });

  test("another username replaces the resource, deleting the old one first", async () => {
    const { id, outs } = await create(provider, { username: jason, status: "ACTIVE" });
    const diff = await provider.diff?.(id, outs, {
      username: "Benjy.Compson",
      team,
      status: "ACTIVE",
      allowDelete: false,
      restoreOnDelete: false,
    });
    assert.deepEqual(diff, { changes: true, replaces: ["username"], deleteBeforeReplace: true });
  });
});
