import type * as pulumi from "@pulumi/pulumi";
import {
  checkInputs,
  diffInputs,
  forEngine,
  type Inputs,
  joinId,
  nameSet,
  namesOf,
  PartialFailure,
  splitId,
} from "../resource";
import { withDefaultTeam } from "./check-team";
import type { AsaClient } from "./client";
import {
  describeGroup,
  listMemberNames,
  liveGroup,
  refuseFederated,
  writableGroup,
} from "./group-access";
import {
  GroupMembershipArgs,
  type GroupMembershipInputs,
  GroupMembershipOutputs,
} from "./group-membership-inputs";
import { findMemberProblems } from "./member-validation";
import { applyPlan, type ChangeOutcome } from "./membership-changes";
import { afterPlan, isSatisfied, membershipOutputs, planMembership } from "./membership-plan";
import { asaClient } from "./settings";

export type MembershipApi = Pick<
  AsaClient,
  "getGroup" | "listGroupUsers" | "addUserToGroup" | "removeUserFromGroup" | "getUser" | "listUsers"
>;

function listed(names: readonly string[], limit = 20): string {
  const shown = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

function storedOutputs(id: string, props: Inputs | undefined): Partial<GroupMembershipOutputs> {
  const parsed = GroupMembershipOutputs.partial().safeParse(props ?? {});
  const stored = parsed.success ? parsed.data : {};
  const fromId = splitId(id);
  return { ...stored, team: stored.team ?? fromId?.scope, group: stored.group ?? fromId?.name };
}

function adoptionRequired(where: string, strangers: readonly string[]): Error {
  return new Error(
    `Cannot manage the members of ${where} authoritatively: it has ${strangers.length} member(s) that members does not list: ${listed(strangers)}. An authoritative asa.GroupMembership would remove them. To take the group over, set adopt: true (then the next up removes them unless you list them in members), or use mode: "additive" to manage only the listed members. Nothing was changed.`,
  );
}

function partialFailureMessage(where: string, outcome: ChangeOutcome, next: string): string {
  const total = outcome.added.length + outcome.removed.length + outcome.failures.length;
  const lines = outcome.failures
    .slice(0, 20)
    .map((failure) => `  - ${failure.action} ${failure.name}: ${failure.error.message}`);
  if (outcome.failures.length > 20) lines.push(`  - and ${outcome.failures.length - 20} more`);
  return [
    `${outcome.failures.length} of ${total} membership changes to ${where} failed (${outcome.added.length} added, ${outcome.removed.length} removed). ${next}`,
    ...lines,
  ].join("\n");
}

/** The provider of `asa.GroupMembership`; `client` is injectable for tests. */
export function groupMembershipProvider(
  client: (team: string) => MembershipApi = (team) => asaClient(team),
): pulumi.dynamic.ResourceProvider {
  /**
   * Brings the group to the declaration, sending only the difference from its live members.
   * `previouslyManaged`: who the resource managed before (additive mode removes only those).
   * `guardStrangers`: refuse to remove members the resource never knew unless `adopt` is set.
   */
  async function converge(
    id: string,
    rawInputs: Inputs,
    previouslyManaged: readonly string[],
    guardStrangers: boolean,
  ): Promise<GroupMembershipOutputs> {
    const inputs = rawInputs as GroupMembershipInputs;
    const { group, team, mode, adopt } = inputs;
    const declared = namesOf(inputs.members);
    const where = describeGroup(team, group);
    const api = client(team);
    await writableGroup(api, team, group, `change the members of ${where}`);
    const live = await listMemberNames(api, group);
    const plan = planMembership(mode, declared, live, previouslyManaged);

    if (guardStrangers && mode === "authoritative" && !adopt) {
      const strangers = plan.toRemove.filter((name) => !previouslyManaged.includes(name));
      if (strangers.length > 0) throw adoptionRequired(where, strangers);
    }
    const problems = await findMemberProblems(api, plan.toAdd);
    if (problems.length > 0) {
      throw new Error(
        `Cannot change the members of ${where}: ${problems.length} of the users to add cannot join it, so nothing was changed: ${listed(problems.map((p) => `${p.name} (${p.problem})`))}. Fix or remove them in members.`,
      );
    }

    const outcome = await applyPlan(api, group, plan);
    const base = { group, team, mode, adopt };
    if (outcome.failures.length === 0) {
      return membershipOutputs(base, declared, afterPlan(live, plan));
    }
    // What is in the group now: read back (a call that failed may still have been applied),
    // or, if that fails too, what the calls that succeeded did.
    const actual = await listMemberNames(api, group).catch(() =>
      afterPlan(live, { toAdd: outcome.added, toRemove: outcome.removed }),
    );
    const stillManaged = [
      ...declared,
      ...outcome.failures.filter((f) => f.action === "remove").map((f) => f.name),
    ];
    const outs = membershipOutputs(base, stillManaged, actual);
    if (isSatisfied(mode, declared, actual, previouslyManaged)) {
      return membershipOutputs(base, declared, actual);
    }
    const next = "State records who is in the group now; run `pulumi up` again to finish.";
    throw new PartialFailure(partialFailureMessage(where, outcome, next), id, outs, rawInputs);
  }

  return {
    async check(_olds, news) {
      return forEngine(
        withDefaultTeam(
          checkInputs(GroupMembershipArgs, news, { resource: "asa.GroupMembership" }),
        ),
      );
    },

    async diff(_id, olds, news) {
      return diffInputs(olds, news, {
        compare: ["group", "team", "members", "mode"],
        replaceOn: ["group", "team"],
        // One resource per group: let go of the old group before taking the new one.
        deleteBeforeReplace: true,
        normalize: { members: namesOf },
      });
    },

    async create(news) {
      const inputs = news as GroupMembershipInputs;
      const id = joinId(inputs.team, inputs.group);
      return { id, outs: await converge(id, news, [], true) };
    },

    async read(id, props) {
      const stored = storedOutputs(id, props);
      const { team, group } = stored;
      if (!team || !group) return {};
      const api = client(team);
      if (!(await liveGroup(api, group))) return {};
      const live = await listMemberNames(api, group);
      const mode = stored.mode ?? "authoritative";
      const adopt = stored.adopt ?? false;
      const outs = membershipOutputs({ group, team, mode, adopt }, stored.members ?? [], live);
      // Fresh inputs make the next preview list, by name, who will be added and removed.
      const inputs = { group, team, mode, adopt, members: nameSet(outs.members) };
      return { id, props: outs, inputs };
    },

    async update(id, olds, news) {
      const before = storedOutputs(id, olds);
      const switchesToAuthoritative = before.mode === "additive";
      return { outs: await converge(id, news, before.members ?? [], switchesToAuthoritative) };
    },

    async delete(id, props) {
      const { team, group, members = [] } = storedOutputs(id, props);
      if (!team || !group || members.length === 0) return;
      const api = client(team);
      const where = describeGroup(team, group);
      const found = await liveGroup(api, group);
      if (!found) return;
      refuseFederated(found, team, `remove the members of ${where}`);
      const outcome = await applyPlan(api, group, { toAdd: [], toRemove: members });
      if (outcome.failures.length > 0) {
        const next = "The resource stays in state; run the same pulumi command again to finish.";
        throw new Error(partialFailureMessage(where, outcome, next));
      }
    },
  };
}

export const asaGroupMembershipProvider = groupMembershipProvider();
