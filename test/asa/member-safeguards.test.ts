import assert from "node:assert/strict";
import { beforeEach, describe, test } from "vitest";
import { groupMembershipProvider } from "../../provider/asa/group-membership";
import {
  clientOverriding,
  created,
  failuresOf,
  routes,
  storedMembers,
  useAsaFixture,
} from "./fixture";

const provider = groupMembershipProvider();

// Two safeguards of asa.GroupMembership the emulator's defaults cannot reach: a username ASA
// answers under another spelling, and a member removed by hand while a change removes it too.

const asa = useAsaFixture({ groups: ["eng"] });

describe("a username ASA answers under another spelling", () => {
  beforeEach(() => asa.emulator.control.setSettings({ asa: { usernames: "case-insensitive" } }));

  test("looked up one by one (100 names or fewer): refused at check, naming ASA's spelling", async () => {
    const failures = await failuresOf(provider, {
      group: "eng",
      members: ["jason.compson.iv", "Benjy.Compson"],
    });
    assert.deepEqual(
      failures.map((f) => f.reason),
      [
        `members: 1 of the users cannot join group "eng" in team "${asa.team}": jason.compson.iv (ASA spells it "Jason.Compson.IV"); fix or remove them (usernames are case-sensitive)`,
      ],
    );
    assert.equal(await asa.count(routes.getUser), 2);
  });

  test("checked against the team's list (over 100 names): refused the same way", async () => {
    const many = await asa.addUsers(120, "bulk");
    const failures = await failuresOf(provider, {
      group: "eng",
      members: [...many, "jason.compson.iv"],
    });
    assert.match(
      failures[0]?.reason ?? "",
      /jason\.compson\.iv \(ASA spells it "Jason\.Compson\.IV"\)/,
    );
    assert.equal(await asa.count(routes.getUser), 0);
  });

  test("a change that skipped check is refused before any write", async () => {
    const inputs = {
      group: "eng",
      team: asa.team,
      mode: "authoritative",
      adopt: false,
      members: { "jason.compson.iv": true },
    };
    await assert.rejects(
      provider.create(inputs),
      /jason\.compson\.iv \(ASA spells it "Jason\.Compson\.IV"\)/,
    );
    assert.equal(await asa.writes(), 0);
  });
});

describe("a member removed by hand while a change removes it too", () => {
  /** A client that removes `name` by hand (as someone in the console) just before removing it. */
  function racingClient(name: string) {
    return clientOverriding((real, team) => ({
      removeUserFromGroup: async (group: string, user: string) => {
        if (user === name) await asa.byHand.removeGroupMember(team, group, user);
        return real.removeUserFromGroup(group, user);
      },
    }));
  }

  test("delete: ASA's 404 for the member already gone counts as done", async () => {
    const [p1, p2] = await asa.addUsers(2, "person");
    const racy = groupMembershipProvider(racingClient(p1 as string));
    const { id, outs } = await created(racy, { group: "eng", members: [p1, p2] });
    await asa.emulator.control.clearCounters();
    await racy.delete?.(id, outs);
    assert.deepEqual(await asa.membersOf("eng"), []);
    const statuses = (await asa.emulator.control.statuses()).asa;
    assert.equal(statuses["404"], 1, "the racing removal met a 404");
  });

  test("update: the same, and the outputs record the group as it is", async () => {
    const [p1, p2, p3] = await asa.addUsers(3, "person");
    const racy = groupMembershipProvider(racingClient(p2 as string));
    const first = await created(racy, { group: "eng", members: [p1, p2] });
    const news =
      (await racy.check?.(first.inputs, { group: "eng", members: [p1, p3] }))?.inputs ?? {};
    await asa.emulator.control.clearCounters();
    const result = await racy.update?.(first.id, first.outs, news);
    assert.deepEqual(storedMembers(result?.outs.members), [p1, p3]);
    assert.deepEqual(await asa.membersOf("eng"), [p1, p3]);
    assert.equal((await asa.emulator.control.statuses()).asa["404"], 1);
    // Counted as done, not as a failure: no second read of the group to find out what happened.
    assert.equal(await asa.count(routes.listMembers), 1);
  });
});
