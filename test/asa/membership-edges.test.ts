/**
 * asa.GroupMembership at its edges: long name lists in messages (capped, with "and N more"),
 * partial failures (calls that failed but were applied, a read-back that fails, failed removes in
 * additive mode, a failing delete), state that lacks fields or holds null, reads and deletes with
 * nothing to do (no request sent), drift that only removes, and the progress a change reports.
 */
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import type { AsaClient } from "../../provider/asa/client";
import { groupMembershipProvider } from "../../provider/asa/group-membership";
import { MemberSet } from "../../provider/asa/member-set";
import { applyPlan } from "../../provider/asa/membership-changes";
import { withProgress } from "../../provider/progress/context";
import { ResourceProgress } from "../../provider/progress/resource-progress";
import { PartialFailure } from "../../provider/resource";
import { rejection } from "../harness/rejection";
import { nextTurn, virtualClock } from "../harness/virtual-clock";
import {
  checked,
  clientOverriding,
  created,
  person,
  routes,
  storedMembers,
  useAsaFixture,
} from "./fixture";

const provider = groupMembershipProvider();

const asa = useAsaFixture({ people: 6, groups: ["eng"] });

const [p1, p2, p3, p4, p5] = [person(1), person(2), person(3), person(4), person(5)];

/** A provider whose client is the real one but for the methods given, with a group view of its own. */
const providerWith = (overrides: (real: AsaClient) => Partial<AsaClient>) =>
  groupMembershipProvider(clientOverriding(overrides, "edges-client"));

const where = () => `group "eng" in team "${asa.team}"`;

describe("inputs and state at their edges", () => {
  test('mode: "authoritative" given explicitly is accepted', async () => {
    const inputs = await checked(provider, { group: "eng", members: [p1], mode: "authoritative" });
    assert.equal(inputs.mode, "authoritative");
  });

  test("members: null is refused; old inputs or outputs holding null count as no one", async () => {
    const result = await provider.check?.({}, { group: "eng", members: null });
    assert.deepEqual(
      result?.failures?.map((f) => f.reason),
      ['members: must be a list of usernames, e.g. ["Jason.Compson.IV"], not null'],
    );
    // Old inputs with null: every declared name is looked up, none fails.
    const inputs = await checked(provider, { group: "eng", members: [p1] }, { members: null });
    assert.deepEqual(inputs.members, { [p1]: true });
    const diff = await provider.diff?.(
      "id",
      { group: "eng", team: asa.team, mode: "authoritative", members: null },
      { group: "eng", team: asa.team, mode: "authoritative", members: {} },
    );
    assert.equal(diff?.changes, false);
  });

  test("state without outputs: read takes team and group from the ID and the live members", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p2, p1]);
    const read = await provider.read?.(`${asa.team}/eng`, {});
    const expected = {
      group: "eng",
      team: asa.team,
      mode: "authoritative",
      adopt: false,
      members: { [p1]: true, [p2]: true },
    };
    assert.deepEqual(read, {
      id: `${asa.team}/eng`,
      props: { ...expected, unmanagedMembers: {} },
      inputs: expected,
    });
  });

  test("read keeps adopt as stored", async () => {
    const first = await created(provider, { group: "eng", members: [p1], adopt: true });
    const read = await provider.read?.(first.id, first.outs);
    assert.equal(read?.inputs?.adopt, true);
    assert.equal(read?.props.adopt, true);
  });

  test("read or delete of state that names no team or no group sends no request and is done", async () => {
    assert.deepEqual(await provider.read?.("eng", {}), {});
    assert.deepEqual(await provider.read?.("eng", { team: asa.team }), {});
    assert.deepEqual(await provider.read?.("eng", { group: "eng" }), {});
    await provider.delete?.("eng", { team: asa.team, members: { [p1]: true } });
    await provider.delete?.("eng", { group: "eng", members: { [p1]: true } });
    assert.equal(await asa.requests(), 0);
  });

  test("delete of a membership that manages no one sends no request", async () => {
    const props = {
      group: "eng",
      team: asa.team,
      mode: "authoritative",
      adopt: false,
      members: {},
      unmanagedMembers: {},
    };
    await provider.delete?.(`${asa.team}/eng`, props);
    assert.equal(await asa.requests(), 0);
  });

  test("delete on a federated group is refused, naming the change", async () => {
    const error = await rejection(
      provider.delete?.(`${asa.team}/sartoris`, {
        group: "sartoris",
        team: asa.team,
        mode: "authoritative",
        adopt: false,
        members: { [p1]: true },
        unmanagedMembers: {},
      }),
    );
    assert.match(
      error.message,
      /^Cannot remove the members of group "sartoris" in team "william-faulkner": group "sartoris" in team "william-faulkner" is federated from team "yoknapatawpha-county"/,
    );
    assert.equal(await asa.writes(), 0);
  });
});

describe("what an up changes", () => {
  test("members removed by hand only: read shows them gone (authoritative and additive)", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    await asa.byHand.removeGroupMember(asa.team, "eng", p2);
    const read = await provider.read?.(first.id, first.outs);
    assert.deepEqual(read?.props.members, { [p1]: true });
    assert.deepEqual(read?.inputs?.members, { [p1]: true });
  });

  test("an unmanaged member gone by hand: an additive read drops it from unmanagedMembers", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p4, p5]);
    const first = await created(provider, { group: "eng", members: [p1], mode: "additive" });
    await asa.byHand.removeGroupMember(asa.team, "eng", p5);
    const read = await provider.read?.(first.id, first.outs);
    assert.deepEqual(read?.props.unmanagedMembers, { [p4]: true });
  });

  test("authoritative update without a refresh removes members added by hand, no adopt needed", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    await asa.byHand.addGroupMember(asa.team, "eng", p4);
    const news = await checked(provider, { group: "eng", members: [p1, p2, p3] }, first.inputs);
    const result = await provider.update?.(first.id, first.outs, news);
    assert.deepEqual(storedMembers(result?.outs.members), [p1, p2, p3]);
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2, p3]);
  });

  test("additive: a managed member already gone by hand is not removed again", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2], mode: "additive" });
    await asa.byHand.removeGroupMember(asa.team, "eng", p2);
    await asa.emulator.control.clearCounters();
    const news = await checked(provider, { group: "eng", members: [p1], mode: "additive" });
    await provider.update?.(first.id, first.outs, news);
    assert.equal(await asa.count(routes.removeMember), 0);
    assert.deepEqual(await asa.membersOf("eng"), [p1]);
  });
});

describe("long lists in messages", () => {
  async function refusal(strangers: number): Promise<string> {
    const others = await asa.addUsers(strangers, "other");
    await asa.byHand.setGroupMembers(asa.team, "eng", others);
    const inputs = await checked(provider, { group: "eng", members: [p1] });
    return (await rejection(provider.create(inputs))).message;
  }

  test("20 members that members does not list are all named", async () => {
    const message = await refusal(20);
    const listed = Array.from({ length: 20 }, (_, i) => `other-${String(i + 1).padStart(4, "0")}`);
    assert.ok(
      message.includes(`it has 20 member(s) that members does not list: ${listed.join(", ")}.`),
      message,
    );
  });

  test("23 members that members does not list: the first 20 are named, the rest counted", async () => {
    const message = await refusal(23);
    const listed = Array.from({ length: 20 }, (_, i) => `other-${String(i + 1).padStart(4, "0")}`);
    assert.ok(
      message.includes(
        `it has 23 member(s) that members does not list: ${listed.join(", ")} and 3 more.`,
      ),
      message,
    );
  });
});

describe("partial failures", () => {
  const next =
    "State records who is in the group now. Run `pulumi up` again to finish: it reads the group and sends only the changes still missing.";

  /** Creates with `count` new users whose adds all fail; the partial failure's message. */
  async function allAddsFail(count: number): Promise<{ message: string; users: string[] }> {
    const users = await asa.addUsers(count, "new");
    const failing = providerWith(() => ({
      addUserToGroup: async () => {
        throw new Error("connection lost");
      },
    }));
    const inputs = await checked(failing, { group: "eng", members: users });
    const error = await rejection(failing.create(inputs));
    assert.ok(error instanceof PartialFailure);
    return { message: error.message, users };
  }

  test("20 failed calls are all listed; nothing made says none", async () => {
    const { message, users } = await allAddsFail(20);
    assert.equal(
      message,
      [
        `20 of 20 membership changes to ${where()} failed; the other 0 were made: added none, removed none.`,
        "Failed calls:",
        ...users.map((name) => `  - add ${name}: connection lost`),
        next,
      ].join("\n"),
    );
  });

  test("23 failed calls: the first 20 are listed, the rest counted", async () => {
    const { message, users } = await allAddsFail(23);
    assert.equal(
      message,
      [
        `23 of 23 membership changes to ${where()} failed; the other 0 were made: added none, removed none.`,
        "Failed calls (the first 20):",
        ...users.slice(0, 20).map((name) => `  - add ${name}: connection lost`),
        "  - and 3 more",
        next,
      ].join("\n"),
    );
  });

  test("a call that failed but was applied (its answer lost): the read-back shows it done, no failure", async () => {
    const lossy = providerWith((real) => ({
      addUserToGroup: async (group: string, name: string) => {
        await real.addUserToGroup(group, name);
        throw new Error("socket hang up");
      },
    }));
    const { outs } = await created(lossy, { group: "eng", members: [p1, p2] });
    assert.deepEqual(outs.members, { [p1]: true, [p2]: true });
    assert.deepEqual(await asa.membersOf("eng"), [p1, p2]);
  });

  test("a remove that failed and was not applied is a partial failure, the member still recorded", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    const stuck = providerWith(() => ({
      removeUserFromGroup: async () => {
        throw new Error("connection lost");
      },
    }));
    const news = await checked(stuck, { group: "eng", members: [p1] }, first.inputs);
    const error = await rejection(stuck.update?.(first.id, first.outs, news));
    assert.ok(error instanceof PartialFailure);
    assert.deepEqual(error.properties.members, { [p1]: true, [p2]: true });
    assert.equal(
      error.message,
      [
        `1 of 1 membership changes to ${where()} failed; the other 0 were made: added none, removed none.`,
        "Failed calls:",
        `  - remove ${p2}: connection lost`,
        next,
      ].join("\n"),
    );
  });

  test("the read-back fails too: state records what the calls that succeeded did", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p4]);
    let attempted = false;
    const flaky = providerWith((real) => ({
      addUserToGroup: async (group: string, name: string) => {
        attempted = true;
        if (name === p2) throw new Error("connection lost");
        return real.addUserToGroup(group, name);
      },
      // The read before the change answers; the read-back after it does not.
      listGroupUsers: (group: string, options?: Parameters<AsaClient["listGroupUsers"]>[1]) => {
        if (attempted) throw new Error("connection reset");
        return real.listGroupUsers(group, options);
      },
    }));
    const inputs = await checked(flaky, { group: "eng", members: [p1, p2, p3], adopt: true });
    const error = await rejection(flaky.create(inputs));
    assert.ok(error instanceof PartialFailure, String(error));
    assert.deepEqual(error.properties.members, { [p1]: true, [p3]: true });
    assert.deepEqual(await asa.membersOf("eng"), [p1, p3]);
  });

  test("additive: a member whose remove failed stays managed, so the next up removes them", async () => {
    await asa.byHand.setGroupMembers(asa.team, "eng", [p5]);
    const first = await created(provider, { group: "eng", members: [p1, p2], mode: "additive" });
    const stuck = providerWith(() => ({
      removeUserFromGroup: async () => {
        throw new Error("connection lost");
      },
    }));
    const news = await checked(stuck, { group: "eng", members: [p2], mode: "additive" });
    const error = await rejection(stuck.update?.(first.id, first.outs, news));
    assert.ok(error instanceof PartialFailure);
    assert.deepEqual(error.properties.members, { [p1]: true, [p2]: true });
    assert.deepEqual(error.properties.unmanagedMembers, { [p5]: true });
  });

  test("delete with a remove that fails says what was removed, what failed, and to run it again", async () => {
    const first = await created(provider, { group: "eng", members: [p1, p2] });
    const stuck = providerWith((real) => ({
      removeUserFromGroup: async (group: string, name: string) => {
        if (name === p2) throw new Error("connection lost");
        return real.removeUserFromGroup(group, name);
      },
    }));
    const error = await rejection(stuck.delete?.(first.id, first.outs));
    assert.equal(
      error.message,
      [
        `1 of 2 membership changes to ${where()} failed; the other 1 were made: added none, removed 1 (${p1}).`,
        "Failed calls:",
        `  - remove ${p2}: connection lost`,
        "The resource stays in state. Run the same command again (`pulumi destroy`, or `pulumi up` if the resource left the program) to finish: members already removed count as done.",
      ].join("\n"),
    );
    assert.deepEqual(await asa.membersOf("eng"), [p2]);
  });
});

describe("progress of a change", () => {
  test("the row counts calls done and failed under the change's title", async () => {
    const { clock, advance } = virtualClock({ start: Date.UTC(2026, 11, 1, 14, 0, 0) });
    const progress = new ResourceProgress(
      "urn",
      "asa.GroupMembership",
      { info: () => {}, warning: () => {} },
      clock,
    );
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let called = 0;
    const writer = {
      addUserToGroup: async (_group: string, name: string) => {
        called += 1;
        if (name === p2) throw new Error("refused");
      },
      removeUserFromGroup: () => held,
    };
    const plan = { toAdd: MemberSet.of([p1, p2]), toRemove: MemberSet.of([p3]) };
    const running = withProgress(progress, () => applyPlan(writer, "eng", plan));
    while (called < 2) await nextTurn();
    await advance(2_000);
    assert.equal(
      progress.message(),
      'asa.GroupMembership: members of group "eng": 2 to add, 1 to remove: 1 of 3 done, 1 failed (2 s)',
    );
    release();
    const outcome = await running;
    assert.deepEqual(outcome.added, [p1]);
    assert.deepEqual(outcome.removed, [p3]);
  });
});
