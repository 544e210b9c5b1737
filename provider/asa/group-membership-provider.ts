import type * as pulumi from "@pulumi/pulumi";
import {
  type CheckOutcome,
  checkInputs,
  containsUnknown,
  diffInputs,
  forEngine,
  type Inputs,
  joinId,
  nameSet,
  namesOf,
  PartialFailure,
  splitId,
  withFailure,
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
import { applyPlan, type ChangeOutcome } from "./membership-changes";
import { afterPlan, isSatisfied, membershipOutputs, planMembership } from "./membership-plan";
import { asaClient } from "./settings";
import { type MemberProblem, userDirectory } from "./user-directory";

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

function listProblems(problems: readonly MemberProblem[]): string {
  return listed(problems.map((p) => `${p.name} (${p.problem})`));
}

/**
 * Check's look at the team's users: every declared member not in the stored state must exist
 * under that exact spelling and not be deleted, so that a preview shows a bad name and `up` never
 * creates a group it then fails to fill.
 */
async function checkMembers(
  outcome: CheckOutcome,
  olds: Inputs,
  client: (team: string) => MembershipApi,
): Promise<CheckOutcome> {
  const { team, group, members } = outcome.inputs;
  if (outcome.failures.length > 0 || containsUnknown(members) || typeof team !== "string") {
    return outcome;
  }
  const known = new Set(namesOf(olds.members));
  const toCheck = namesOf(members).filter((name) => !known.has(name));
  if (toCheck.length === 0) return outcome;
  const problems = await userDirectory(client(team)).problems(toCheck);
  if (problems.length === 0) return outcome;
  const where =
    typeof group === "string" ? describeGroup(team, group) : `the group in team "${team}"`;
  return withFailure(
    outcome,
    "members",
    `${problems.length} of the users cannot join ${where}: ${listProblems(problems)}; fix or remove them (usernames are case-sensitive)`,
  );
}

function adoptionRequired(where: string, strangers: readonly string[]): Error {
  return new Error(
    `Cannot manage the members of ${where} authoritatively: it has ${strangers.length} member(s) that members does not list: ${listed(strangers)}. An authoritative asa.GroupMembership would remove them. To take the group over, set adopt: true (then the next up removes them unless you list them in members), or use mode: "additive" to manage only the listed members. Nothing was changed.`,
  );
}

/** Calls listed at most in a failure message; the rest are counted. */
const LISTED_FAILURES = 20;

/** What was applied, what failed (each call, capped) and what to run next. */
function partialFailureMessage(where: string, outcome: ChangeOutcome, next: string): string {
  const failed = outcome.failures.length;
  const total = outcome.added.length + outcome.removed.length + failed;
  const made = (verb: string, names: string[]) =>
    names.length === 0 ? `${verb} none` : `${verb} ${names.length} (${listed(names, 10)})`;
  const lines = outcome.failures
    .slice(0, LISTED_FAILURES)
    .map((failure) => `  - ${failure.action} ${failure.name}: ${failure.error.message}`);
  if (failed > LISTED_FAILURES) lines.push(`  - and ${failed - LISTED_FAILURES} more`);
  return [
    `${failed} of ${total} membership changes to ${where} failed; the other ${total - failed} were made: ${made("added", outcome.added)}, ${made("removed", outcome.removed)}.`,
    `Failed calls${failed > LISTED_FAILURES ? ` (the first ${LISTED_FAILURES})` : ""}:`,
    ...lines,
    next,
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
    // Checked at preview already (check): this costs nothing more unless the preview was skipped.
    const problems = await userDirectory(api).problems(plan.toAdd);
    if (problems.length > 0) {
      throw new Error(
        `Cannot change the members of ${where}: ${problems.length} of the users to add cannot join it, so nothing was changed: ${listProblems(problems)}. Fix or remove them in members.`,
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
    const next =
      "State records who is in the group now. Run `pulumi up` again to finish: it reads the group and sends only the changes still missing.";
    throw new PartialFailure(partialFailureMessage(where, outcome, next), id, outs, rawInputs);
  }

  return {
    async check(olds, news) {
      const outcome = withDefaultTeam(
        checkInputs(GroupMembershipArgs, news, { resource: "asa.GroupMembership" }),
      );
      return forEngine(await checkMembers(outcome, olds, client));
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
        const next =
          "The resource stays in state. Run the same command again (`pulumi destroy`, or `pulumi up` if the resource left the program) to finish: members already removed count as done.";
        throw new Error(partialFailureMessage(where, outcome, next));
      }
    },
  };
}

export const asaGroupMembershipProvider = groupMembershipProvider();
