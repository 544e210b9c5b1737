import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { spec as groupSpec } from "../../provider/asa/group";
import { spec as membershipSpec } from "../../provider/asa/group-membership";
import type { UserUpdate } from "../../provider/asa/schemas";
import { type AsaUserApi, defaultAsaUserClients } from "../../provider/asa/user-adapter";
import { spec as attributesSpec } from "../../provider/asa/user-attributes";
import { spec as statusSpec } from "../../provider/asa/user-status";
import { checked, checkReasons, create, rejection, up, useEmulator } from "./fixture";

// asa.UserAttributes and asa.UserStatus (and the ASA argument schemas they share with asa.Group
// and asa.GroupMembership) at their edges, in process: how team, username and group names are
// checked and normalised, what a diff replaces, state that names the user by its id only or by
// its outputs only, what is sent to ASA, and what restoreOnDelete cannot put back.

const emulator = useEmulator();
const team = "william-faulkner";
const jason = "Jason.Compson.IV";
const jasonId = "6da51721-1c8a-4d5c-955f-d27a0fe35bdf";
const teamHint =
  'is not a team name; give the ASA team\'s name, e.g. "william-faulkner", or leave team out to use identity:asaTeam';

/** The emulator's ASA, with the user reads and changes the provider makes. */
function recorded() {
  const calls: string[] = [];
  const updates: UserUpdate[] = [];
  const clients = (teamName: string): AsaUserApi => {
    const real = defaultAsaUserClients(teamName);
    return {
      getUser(name) {
        calls.push(`get ${teamName}/${name}`);
        return real.getUser(name);
      },
      updateUser(name, update) {
        calls.push(`update ${teamName}/${name}`);
        updates.push(update);
        return real.updateUser(name, update);
      },
    };
  };
  return { clients, calls, updates };
}

describe("team, username and group names at check", () => {
  const status = statusSpec.provider();

  test("a team is trimmed and lower-cased, as ASA compares team names", async () => {
    const inputs = await checked(status, {
      username: jason,
      team: " William-Faulkner ",
      status: "ACTIVE",
    });
    assert.equal(inputs.team, team);
  });

  test("a team given is kept over identity:asaTeam", async () => {
    // No key serves "sartoris", and check says so: the team given, not the configured one, is used.
    const reasons = await checkReasons(status, {
      username: jason,
      team: "Sartoris",
      status: "ACTIVE",
    });
    assert.equal(reasons.length, 1);
    assert.match(reasons[0] ?? "", /^team: No credentials for Okta ASA team "sartoris": /);
  });

  test("an empty or blank team, or one with a slash, is not a team name", async () => {
    for (const given of ["", "   ", "a/b"]) {
      assert.deepEqual(
        await checkReasons(status, { username: jason, team: given, status: "ACTIVE" }),
        [`team: ${JSON.stringify(given)} ${teamHint}`],
      );
    }
  });

  test("a username is trimmed, never case-folded", async () => {
    const inputs = await checked(attributesSpec.provider(), {
      username: " Jason.Compson.IV ",
      details: { firstName: "Jay" },
    });
    assert.equal(inputs.username, jason);
  });

  test("an empty or blank username, one with a slash, or not a string, says to give the ASA username", async () => {
    for (const given of ["", "  ", "Jason/Compson", 42]) {
      assert.deepEqual(await checkReasons(status, { username: given, status: "ACTIVE" }), [
        `username: ${JSON.stringify(given)} is not a username; give the user's ASA username, e.g. "Jason.Compson.IV"`,
      ]);
    }
  });

  test("a blank group name, or roles that are not a list, are refused with the fix", async () => {
    assert.deepEqual(
      await checkReasons(groupSpec.provider(), { name: "  ", roles: "access_user" }),
      [
        'name: "  " is not a group name; give the group\'s name, e.g. "compsons"',
        'roles: must be a list of ASA roles, e.g. ["access_user"], not "access_user"; use [] for none',
      ],
    );
    assert.deepEqual(
      await checkReasons(membershipSpec.provider(), { group: "  ", members: [jason, " "] }),
      [
        'group: "  " is not a group name; give the group\'s name or an asa.Group, e.g. "compsons"',
        'members[1]: " " is not a username; remove it or give the user\'s ASA username, e.g. "Jason.Compson.IV"',
      ],
    );
  });
});

describe("other arguments' messages", () => {
  test("asa.UserStatus names itself and what allowDelete means", async () => {
    const provider = statusSpec.provider();
    assert.deepEqual(
      await checkReasons(provider, {
        username: jason,
        status: "ACTIVE",
        allowDelete: "yes",
        colour: "blue",
      }),
      [
        'allowDelete: must be true or false (true lets status be DELETED), not "yes"',
        'colour: asa.UserStatus has no argument "colour"; remove it or use one of username, team, status, allowDelete, restoreOnDelete',
      ],
    );
  });

  test("a detail that is not a string shows an example of that detail", async () => {
    assert.deepEqual(
      await checkReasons(attributesSpec.provider(), {
        username: jason,
        details: { lastName: 7, fullName: true },
      }),
      [
        'details.lastName: must be a string, e.g. "Compson", or null to clear it; not 7',
        'details.fullName: must be a string, e.g. "Jason Compson IV", or null to clear it; not true',
      ],
    );
  });

  test("the details found at creation are kept as a secret in the state", () => {
    assert.deepEqual(attributesSpec.secretOutputs, ["originalValues"]);
  });
});

describe("diff: which changes replace the resource", () => {
  test("another team is a replacement, deleting first", async () => {
    const provider = statusSpec.provider();
    const { id, inputs, outs } = await create(provider, { username: jason, status: "ACTIVE" });
    assert.deepEqual(await provider.diff?.(id, outs, { ...inputs, team: "sartoris" }), {
      changes: true,
      replaces: ["team"],
      deleteBeforeReplace: true,
    });
  });
});

describe("state that names the user by its id only, or by its outputs only", () => {
  test("read from the id alone (as pulumi import does) finds the user, and reads back only what the state declares", async () => {
    const { clients, calls } = recorded();
    const provider = statusSpec.provider(clients);
    const id = `${team}/${jason}`;
    assert.deepEqual(await provider.read?.(id, {}), { id, props: {}, inputs: {} });
    assert.deepEqual(calls, [`get ${team}/${jason}`]);
  });

  test("the user the outputs name is read, whatever form the id has", async () => {
    const provider = statusSpec.provider();
    const { outs } = await create(provider, { username: jason, status: "ACTIVE" });
    await emulator().control.asa.updateUser(team, jason, { status: "DISABLED" });
    for (const id of [jason, `${team}/Benjy.Compson`]) {
      const read = await provider.read?.(id, outs);
      assert.deepEqual(read?.props, { ...outs, status: "DISABLED" }, id);
    }
  });

  test("an id and outputs that do not name both a team and a user read as gone, asking nothing of ASA", async () => {
    const { clients, calls } = recorded();
    const provider = statusSpec.provider(clients);
    assert.deepEqual(await provider.read?.("not-an-id", {}), {});
    assert.deepEqual(await provider.read?.("not-an-id", { team }), {});
    assert.deepEqual(await provider.read?.("not-an-id", { username: jason }), {});
    assert.deepEqual(await provider.read?.(`${team}/`, { status: "ACTIVE" }), {});
    assert.deepEqual(calls, []);
  });

  test("update keeps the user's ASA id in the outputs", async () => {
    const provider = statusSpec.provider();
    const { id, outs } = await create(provider, { username: jason, status: "ACTIVE" });
    const { outs: after } = await up(provider, id, outs, { username: jason, status: "DISABLED" });
    assert.equal(after.userId, jasonId);
  });
});

describe("what is sent to ASA", () => {
  test("a status change sends the status alone, so details changed meanwhile by hand are not written back", async () => {
    const { clients, updates } = recorded();
    await create(statusSpec.provider(clients), { username: jason, status: "DISABLED" });
    assert.deepEqual(updates, [{ status: "DISABLED" }]);
  });
});

describe("restoreOnDelete and a deleted user", () => {
  test("a user already DELETED cannot be put back, so restoreOnDelete is refused at once", async () => {
    const err = await rejection(
      create(statusSpec.provider(), {
        username: "Quentin.Compson.III",
        status: "DISABLED",
        restoreOnDelete: true,
      }),
    );
    assert.equal(
      err.message,
      `asa.UserStatus: restoreOnDelete could not put back status "DELETED" found on ASA user "Quentin.Compson.III" of team ${team}: the user was already DELETED, and ASA cannot change a deleted user; remove restoreOnDelete to manage it without putting it back.`,
    );
  });
});
