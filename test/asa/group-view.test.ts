import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { groupProvider } from "../../provider/asa/group";
import { groupMembershipProvider } from "../../provider/asa/group-membership";
import { GroupView } from "../../provider/asa/group-view";
import { MemberSet } from "../../provider/asa/member-set";
import type { Group } from "../../provider/asa/schemas";
import { created, person, routes, useAsaFixture } from "./fixture";

// One run's reads of a group, shared by its asa.Group and its asa.GroupMembership, and never
// stale: each test is one provider process's run unless it says otherwise (asa.byHand).

const groups = groupProvider();
const memberships = groupMembershipProvider();

const asa = useAsaFixture({ people: 3 });

const [p1, p2, p3] = [person(1), person(2), person(3)];

describe("a run's reads of a group", () => {
  test("a group the run created is known empty: its membership adds without reading it", async () => {
    await created(groups, { name: "ops", roles: ["access_user"] });
    await created(memberships, { group: "ops", members: [p1, p2] });
    assert.equal(await asa.count(routes.getGroup), 0);
    assert.equal(await asa.count(routes.listMembers), 0);
    assert.equal(await asa.count(routes.addMember), 2);
    assert.deepEqual(await asa.membersOf("ops"), [p1, p2]);
  });

  test("refresh reads the group once for its asa.Group and its asa.GroupMembership", async () => {
    const group = await created(groups, { name: "ops", roles: ["access_user"] });
    const membership = await created(memberships, { group: "ops", members: [p1] });
    await asa.byHand.addGroupMember(asa.team, "ops", p2); // and the refresh is a later run
    await asa.emulator.control.clearCounters();
    await groups.read?.(group.id, group.outs);
    const read = await memberships.read?.(membership.id, membership.outs);
    assert.deepEqual(MemberSet.from(read?.props?.members).list(), [p1, p2]);
    assert.equal(await asa.count(routes.getGroup), 1);
    assert.equal(await asa.count(routes.listMembers), 1);
  });

  test("what the run writes to a group's members is read afresh afterwards, never from before", async () => {
    const group = await created(groups, { name: "ops", roles: ["access_user"] });
    const membership = await created(memberships, { group: "ops", members: [p1] });
    const news = { ...membership.inputs, members: { [p1]: true, [p3]: true } };
    await memberships.update?.(membership.id, membership.outs, news);
    await asa.emulator.control.clearCounters();
    const read = await memberships.read?.(membership.id, { ...membership.outs, ...news });
    assert.deepEqual(MemberSet.from(read?.props?.members).list(), [p1, p3]);
    assert.equal(await asa.count(routes.listMembers), 1);
    await groups.delete?.(group.id, group.outs);
    assert.equal(await asa.count(routes.deleteGroup), 1);
    assert.deepEqual(await groups.read?.(group.id, group.outs), {}, "gone once deleted");
  });

  test("a failed read is not remembered: the next caller asks again", async () => {
    let calls = 0;
    const view = new GroupView({
      getGroup: async (name) => {
        calls += 1;
        if (calls === 1) throw new Error("connection reset");
        return { id: "g1", name, roles: [], deleted_at: null } as unknown as Group;
      },
      listGroupUsers: () => ({ async *[Symbol.asyncIterator]() {} }),
    });
    await assert.rejects(view.liveGroup("ops"), /connection reset/);
    assert.equal((await view.liveGroup("ops"))?.id, "g1");
    assert.equal((await view.liveGroup("ops"))?.id, "g1");
    assert.equal(calls, 2);
  });
});
