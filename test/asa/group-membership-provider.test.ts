import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { groupMembershipProvider } from "../../provider/asa/group-membership";
import { PartialFailure, type PropertyMap, UNKNOWN } from "../../provider/resource";
import {
  checked,
  clientOverriding,
  created,
  failuresOf,
  person,
  routes,
  storedMembers,
  useAsaFixture,
} from "./fixture";

const provider = groupMembershipProvider();

const asa = useAsaFixture({ people: 6, groups: ["eng"] });

const [p1, p2, p3, p4, p5, p6] = [person(1), person(2), person(3), person(4), person(5), person(6)];

/** check then update, as `pulumi up` does for a changed resource. */
async function updated(id: string, olds: PropertyMap, oldInputs: PropertyMap, news: PropertyMap) {
  const inputs = await checked(provider, news, oldInputs);
  const diff = await provider.diff?.(id, olds, inputs);
  assert.equal(diff?.changes, true);
  const result = await provider.update?.(id, olds, inputs);
  return { inputs, outs: result?.outs as PropertyMap };
}

describe("check and diff", () => {
  test("members trimmed, deduplicated and sorted (as a name set); mode and team filled in", async () => {
    await asa.byHand.createUser(asa.team, { name: "Person-0001" });
    const inputs = await checked(provider, {
      group: " eng",
      members: [" person-0002", "person-0001 ", "person-0002", "Person-0001"],
    });
    assert.deepEqual(inputs, {
      group: "eng",
      members: { "Person-0001": true, "person-0001": true, "person-0002": true },
      mode: "authoritative",
      team: asa.team,
      adopt: false,
    });
  });

  test("each bad input names the property and the fix", async () => {
    const failures = await failuresOf(provider, {
      group: "",
      members: ["person-0001", "ok", 7, "  "],
      mode: "strict",
      adopt: 1,
      member: ["x"],
    });
    assert.ok(failures.every((f) => f.property === ""));
    assert.deepEqual(
      failures.map((f) => f.reason),
      [
        'group: "" is not a group name; give the group\'s name or an asa.Group, e.g. "compsons"',
        'members[2]: 7 is not a username; remove it or give the user\'s ASA username, e.g. "Jason.Compson.IV"',
        'members[3]: "  " is not a username; remove it or give the user\'s ASA username, e.g. "Jason.Compson.IV"',
        'mode: must be "authoritative" or "additive", not "strict": "authoritative" owns the whole member list, "additive" only the listed members',
        "adopt: must be true or false, not 1",
        'member: asa.GroupMembership has no argument "member"; did you mean "members"? Otherwise remove it (arguments: group, members, mode, team, adopt)',
      ],
    );
  });

  test("members that are not a list, and missing arguments", async () => {
    assert.deepEqual(
      (await failuresOf(provider, { group: "eng", members: "person-0001" })).map((f) => f.reason),
      ['members: must be a list of usernames, e.g. ["Jason.Compson.IV"], not "person-0001"'],
    );
    assert.deepEqual(
      (await failuresOf(provider, {})).map((f) => f.reason),
      [
        'group: required: the group\'s name or an asa.Group, e.g. "compsons"',
        'members: required: the usernames of the group\'s members, e.g. ["Jason.Compson.IV"]; use [] for none',
      ],
    );
  });

  test("unknown values in a preview pass through without failures", async () => {
    const result = await provider.check?.(
      {},
      { group: UNKNOWN, members: [UNKNOWN, "person-0001"] },
    );
    assert.deepEqual(result?.failures, []);
    assert.deepEqual(result?.inputs, {
      group: UNKNOWN,
      members: [UNKNOWN, "person-0001"],
      mode: "authoritative",
      team: asa.team,
      adopt: false,
    });
  });

  const olds = {
    group: "eng",
    team: "william-faulkner",
    mode: "authoritative",
    adopt: false,
    members: ["a", "b"],
    unmanagedMembers: [],
    __provider: "old",
  };
  const news = {
    group: "eng",
    team: "william-faulkner",
    mode: "authoritative",
    adopt: false,
    members: { b: true, a: true },
    __provider: "new",
  };

  test("diff: same members (list in outputs, name set in inputs), new package, adopt: no change", async () => {
    assert.deepEqual(await provider.diff?.("id", olds, { ...news, adopt: true }), {
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("diff: members or mode update in place; group or team replace, old first", async () => {
    assert.deepEqual(await provider.diff?.("id", olds, { ...news, members: { a: true } }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await provider.diff?.("id", olds, { ...news, mode: "additive" }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await provider.diff?.("id", olds, { ...news, group: "ops", team: "t2" }), {
      changes: true,
      replaces: ["group", "team"],
      deleteBeforeReplace: true,
    });
  });

  test("diff: unknown members in a preview are a change", async () => {
    assert.deepEqual(await provider.diff?.("id", olds, { ...news, members: [UNKNOWN] }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("authoritative", () => {
  test("create adds the members (only those) and records them; ID team/group", async () => {
    const { id, outs } = await created(provider, { group: "eng", members: [p2, p1] });
    assert.equal(id, `${asa.team}/eng`);
    assert.deepEqual(outs, {
      group: "eng",
      team: asa.team,
      mode: "authoritative",
      adopt: false,
      // Name sets, so that a refresh names who joined or left.
      members: { [p1]: true, [p2]: true },
      unmanagedMembers: {},
    });
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2]);
    assert.equal(await asa.count(routes.addMember), 2);
    assert.equal(await asa.count(routes.removeMember), 0);
  });

  test("update sends only the difference", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2, p3] });
    await asa.emulator.control.clearCounters();
    const { outs } = await updated(first.id, first.outs, first.inputs, {
      group: "eng",
      members: [p2, p3, p4, p5],
    });
    assert.deepEqual(storedMembers(outs.members), [p2, p3, p4, p5]);
    assert.deepEqual(await asa.membersOf("eng"), [p2, p3, p4, p5]);
    assert.equal(await asa.count(routes.addMember), 2);
    assert.equal(await asa.count(routes.removeMember), 1);
  });

  test("applying the same declaration twice writes nothing the second time", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    await asa.emulator.control.clearCounters();
    const again = await provider.update?.(first.id, first.outs, first.inputs);
    assert.deepEqual(again?.outs, first.outs);
    assert.equal(await asa.writes(), 0);
  });

  test("someone already added, or already removed, by hand: the change still succeeds", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    await asa.byHand.addGroupMember(asa.team, "eng", p3);
    await asa.byHand.removeGroupMember(asa.team, "eng", p2);
    const { outs } = await updated(first.id, first.outs, first.inputs, {
      group: "eng",
      members: [p1, p3],
    });
    assert.deepEqual(storedMembers(outs.members), [p1, p3]);
    assert.deepEqual(await asa.membersOf("eng"), [p1, p3]);
  });

  test("no drift: read gives back the outputs as stored, lists of older state included", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    const older = { ...first.outs, members: [p1, p2], unmanagedMembers: [] };
    const read = await provider.read?.(first.id, older);
    assert.deepEqual(read?.props, older, "upgrading shows no diff");
    assert.deepEqual(read?.inputs?.members, { [p1]: true, [p2]: true });
  });

  test("drift: read returns the live members as props and inputs; the next update restores", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2, p3] });
    await asa.byHand.addGroupMember(asa.team, "eng", p5);
    await asa.byHand.removeGroupMember(asa.team, "eng", p2);

    const read = await provider.read?.(first.id, first.outs);
    assert.deepEqual(read, {
      id: first.id,
      props: { ...first.outs, members: { [p1]: true, [p3]: true, [p5]: true } },
      inputs: {
        group: "eng",
        team: asa.team,
        mode: "authoritative",
        adopt: false,
        members: { [p1]: true, [p3]: true, [p5]: true },
      },
    });
    const diff = await provider.diff?.(first.id, read?.props, first.inputs);
    assert.equal(diff?.changes, true);
    const restored = await provider.update?.(first.id, read?.props, first.inputs);
    assert.deepEqual(restored?.outs, first.outs);
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2, p3]);
  });

  test("create on a group with members the list leaves out is refused without adopt, naming them", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p1, p4, p5]);
    const inputs = await checked(provider, { group: "eng", members: [p1, p2] });
    await assert.rejects(provider.create(inputs), {
      message: `Cannot manage the members of group "eng" in team "${asa.team}" authoritatively: it has 2 member(s) that members does not list: ${p4}, ${p5}. An authoritative asa.GroupMembership would remove them. To take the group over, set adopt: true (then the next up removes them unless you list them in members), or use mode: "additive" to manage only the listed members. Nothing was changed.`,
    });
    assert.equal(await asa.writes(), 0);
  });

  test("adopt takes the group as it is: a matching list writes nothing", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p1, p2, p3]);
    const { outs } = await created(provider, { group: "eng", members: [p3, p1, p2], adopt: true });
    assert.deepEqual(storedMembers(outs.members), [p1, p2, p3]);
    assert.equal(await asa.writes(), 0);
  });

  test("adopt with a different list applies the difference", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p1, p4]);
    const { outs } = await created(provider, { group: "eng", members: [p1, p2], adopt: true });
    assert.deepEqual(storedMembers(outs.members), [p1, p2]);
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2]);
  });

  test("delete removes the members in state, not the group", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    await provider.delete?.(first.id, first.outs);
    assert.deepEqual(await asa.membersOf("eng"), []);
    const group = await asa.emulator.control.asa.group(asa.team, "eng");
    assert.equal(group.deleted_at, null);
  });

  test("delete leaves members added by hand since the last refresh; after a refresh it removes them too", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    await asa.byHand.addGroupMember(asa.team, "eng", p3);
    await provider.delete?.(first.id, first.outs);
    assert.deepEqual(await asa.membersOf("eng"), [p3]);

    const second = await created(provider, { group: "eng", members: [p1], adopt: true });
    await asa.byHand.addGroupMember(asa.team, "eng", p4);
    const read = await provider.read?.(second.id, second.outs);
    await provider.delete?.(second.id, read?.props);
    assert.deepEqual(await asa.membersOf("eng"), []);
  });

  test("delete of a membership whose group is gone is done", async () => {
    const first = await created(provider, { group: "eng", members: [p1] });
    await asa.byHand.deleteGroup(asa.team, "eng");
    await provider.delete?.(first.id, first.outs);
  });
});

describe("additive", () => {
  test("create leaves the others alone and reports them", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p4, p5]);
    const { outs } = await created(provider, { group: "eng", members: [p1, p2], mode: "additive" });
    assert.deepEqual(outs, {
      group: "eng",
      team: asa.team,
      mode: "additive",
      adopt: false,
      members: { [p1]: true, [p2]: true },
      unmanagedMembers: { [p4]: true, [p5]: true },
    });
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2, p4, p5]);
    assert.equal(await asa.count(routes.removeMember), 0);
  });

  test("update removes only members it managed; read keeps managed members still present", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p5]);
    const first = await created(provider, {
      group: "eng",
      members: [p1, p2, p3],
      mode: "additive",
    });
    const { outs } = await updated(first.id, first.outs, first.inputs, {
      group: "eng",
      members: [p1, p2],
      mode: "additive",
    });
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2, p5]);
    assert.deepEqual(storedMembers(outs.unmanagedMembers), [p5]);

    await asa.byHand.removeGroupMember(asa.team, "eng", p2);
    await asa.byHand.addGroupMember(asa.team, "eng", p6);
    const read = await provider.read?.(first.id, outs);
    assert.deepEqual(storedMembers(read?.props.members), [p1]);
    assert.deepEqual(storedMembers(read?.props.unmanagedMembers), [p5, p6]);
    assert.deepEqual(read?.inputs?.members, { [p1]: true });
  });

  test("delete removes only the managed members", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p5]);
    const first = await created(provider, { group: "eng", members: [p1], mode: "additive" });
    await provider.delete?.(first.id, first.outs);
    assert.deepEqual(await asa.membersOf("eng"), [p5]);
  });

  test("switching to authoritative with unmanaged members needs adopt", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p5]);
    const first = await created(provider, { group: "eng", members: [p1], mode: "additive" });
    const news = await checked(provider, { group: "eng", members: [p1] }, first.inputs);
    await assert.rejects(
      provider.update?.(first.id, first.outs, news) ?? Promise.resolve(),
      /it has 1 member\(s\) that members does not list: person-0005/,
    );
    const adopted = await checked(
      provider,
      { group: "eng", members: [p1], adopt: true },
      first.inputs,
    );
    await provider.update?.(first.id, first.outs, adopted);
    assert.deepEqual(await asa.membersOf("eng"), [p1]);
  });
});

describe("failures", () => {
  test("users that do not exist: check names every one (at preview), and nothing changes", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p1, p6]);
    const first = await created(provider, { group: "eng", members: [p1, p6] });
    await asa.emulator.control.clearCounters();
    const members = [p1, p2, "nobody", "Person-0003", "Quentin.Compson.III", "ghost"];
    const result = await provider.check?.(first.inputs, { group: "eng", members });
    assert.deepEqual(
      result?.failures?.map((f) => f.reason),
      [
        `members: 4 of the users cannot join group "eng" in team "${asa.team}": Person-0003 (no such user), Quentin.Compson.III (deleted in ASA), ghost (no such user), nobody (no such user); fix or remove them (usernames are case-sensitive)`,
      ],
    );
    // Only the names not in the stored state were looked up.
    assert.equal(await asa.count(routes.getUser), 5);
    // An update that never went through check (no preview) refuses the same names.
    const news = { ...first.inputs, members: Object.fromEntries(members.map((m) => [m, true])) };
    await assert.rejects(provider.update?.(first.id, first.outs, news) ?? Promise.resolve(), {
      message: `Cannot change the members of group "eng" in team "${asa.team}": 4 of the users to add cannot join it, so nothing was changed: Person-0003 (no such user), Quentin.Compson.III (deleted in ASA), ghost (no such user), nobody (no such user). Fix or remove them in members.`,
    });
    assert.equal(await asa.writes(), 0);
    assert.deepEqual(await asa.membersOf("eng"), [p1, p6]);
  });

  test("over a hundred users to add are checked against the team's user list, all problems named", async () => {
    const many = await asa.addUsers(150, "bulk");
    const members = [...many, "bulk-9999", "BULK-0002", "Quentin.Compson.III"];
    assert.deepEqual(
      (await failuresOf(provider, { group: "eng", members })).map((f) => f.reason),
      [
        `members: 3 of the users cannot join group "eng" in team "${asa.team}": BULK-0002 (ASA spells it "bulk-0002"), Quentin.Compson.III (deleted in ASA), bulk-9999 (no such user); fix or remove them (usernames are case-sensitive)`,
      ],
    );
    assert.equal(await asa.count(routes.getUser), 0);
    assert.equal(await asa.count(routes.listUsers), 2, "two pages of the team's users");
    const inputs = (await provider.check?.({}, { group: "eng", members }))?.inputs ?? {};
    await assert.rejects(provider.create(inputs), {
      message: `Cannot change the members of group "eng" in team "${asa.team}": 3 of the users to add cannot join it, so nothing was changed: BULK-0002 (ASA spells it "bulk-0002"), Quentin.Compson.III (deleted in ASA), bulk-9999 (no such user). Fix or remove them in members.`,
    });
    assert.equal(await asa.count(routes.getUser), 0);
    assert.equal(await asa.count(routes.listUsers), 2, "the run's directory answers create too");
    assert.equal(await asa.writes(), 0);
  });

  test("a failure half-way: partial failure with the members actually in the group; the next up finishes", async () => {
    // Someone deletes two users in the console while the adds are under way: ASA refuses those adds.
    const racing = new Set([p3, p5]);
    const racy = groupMembershipProvider(
      clientOverriding((real, team) => ({
        addUserToGroup: async (group: string, name: string) => {
          if (racing.has(name)) await asa.byHand.updateUser(team, name, { status: "DELETED" });
          return real.addUserToGroup(group, name);
        },
      })),
    );
    await asa.byHand.setGroupMembers(asa.team, "eng", [p6]);
    const inputs = await checked(racy, {
      group: "eng",
      members: [p1, p2, p3, p4, p5],
      adopt: true,
    });
    const error = await racy.create(inputs).then(
      () => assert.fail("create should fail"),
      (err: unknown) => err,
    );
    assert.ok(error instanceof PartialFailure);
    assert.equal(error.id, `${asa.team}/eng`);
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2, p4]);
    assert.deepEqual(error.properties, {
      group: "eng",
      team: asa.team,
      mode: "authoritative",
      adopt: true,
      members: { [p1]: true, [p2]: true, [p4]: true },
      unmanagedMembers: {},
      __provider: undefined,
    });
    assert.match(
      error.message,
      /^2 of 6 membership changes to group "eng" in team "william-faulkner" failed; the other 4 were made: added 3 \(person-0001, person-0002, person-0004\), removed 1 \(person-0006\)\.\nFailed calls:\n/,
    );
    assert.match(
      error.message,
      /\nState records who is in the group now\. Run `pulumi up` again to finish: it reads the group and sends only the changes still missing\.$/,
    );
    assert.deepEqual(error.reasons, [error.message], "the engine prints only the reasons");
    assert.match(
      error.message,
      /- add person-0003: Okta ASA POST \/v1\/teams\/william-faulkner\/groups\/eng\/users failed: 400 invalid_request: user person-0003 is deleted and cannot join a group/,
    );

    // The users are back; the next up diffs the partial state against the declaration and finishes.
    racing.clear();
    for (const name of [p3, p5]) await asa.byHand.updateUser(asa.team, name, { status: "ACTIVE" });
    const diff = await racy.diff?.(error.id, error.properties, inputs);
    assert.equal(diff?.changes, true);
    await asa.emulator.control.clearCounters();
    const finished = await racy.update?.(error.id, error.properties, inputs);
    assert.deepEqual(storedMembers(finished?.outs.members), [p1, p2, p3, p4, p5]);
    assert.equal(await asa.count(routes.addMember), 2);
  });

  test("the partial failure carries __provider so later read and delete can load the provider", async () => {
    const failing = groupMembershipProvider(
      clientOverriding(() => ({
        addUserToGroup: async () => {
          throw new Error("connection lost");
        },
      })),
    );
    const inputs = await checked(failing, { group: "eng", members: [p1] });
    await assert.rejects(failing.create({ ...inputs, __provider: "handle" }), (err: unknown) => {
      assert.ok(err instanceof PartialFailure);
      assert.equal(err.properties.__provider, "handle");
      assert.deepEqual(storedMembers(err.properties.members), []);
      return true;
    });
  });

  test("a federated group's members are not changed", async () => {
    const inputs = await checked(provider, { group: "sartoris", members: [p1] });
    await assert.rejects(
      provider.create(inputs),
      /^Error: Cannot change the members of group "sartoris" in team "william-faulkner": group "sartoris" in team "william-faulkner" is federated from team "yoknapatawpha-county"/,
    );
    assert.equal(await asa.writes(), 0);
  });

  test("a group that does not exist: create fails saying so; read of a soft-deleted group is gone", async () => {
    const inputs = await checked(provider, { group: "nope", members: [p1] });
    await assert.rejects(
      provider.create(inputs),
      /group "nope" in team "william-faulkner" does not exist/,
    );
    const first = await created(provider, { group: "eng", members: [p1] });
    await asa.byHand.updateGroup(asa.team, "eng", {
      deleted_at: "2026-02-03T04:05:06Z",
    });
    assert.deepEqual(await provider.read?.(first.id, first.outs), {});
  });
});

describe("a 1,000-member group", () => {
  test("create adds everyone (one call each, users checked by pages), read reads every page", async () => {
    const thousand = await asa.addUsers(1000, "member");
    await asa.emulator.control.clearCounters();
    const first = await created(provider, { group: "eng", members: thousand });
    assert.equal(await asa.count(routes.addMember), 1000);
    assert.equal(await asa.count(routes.listUsers), 11); // 1,000 + 6 people + 4 from the seed
    assert.equal(await asa.count(routes.getUser), 0);
    assert.equal((await asa.membersOf("eng")).length, 1000);

    await asa.emulator.control.clearCounters();
    const read = await provider.read?.(first.id, first.outs);
    assert.equal(storedMembers(read?.props.members).length, 1000);
    assert.deepEqual(storedMembers(read?.props.members), [...thousand].sort());
    assert.deepEqual(Object.keys(read?.inputs?.members ?? {}).length, 1000);
    assert.equal(await asa.count(routes.listMembers), 10);
    assert.equal(await asa.writes(), 0);
  });
});
