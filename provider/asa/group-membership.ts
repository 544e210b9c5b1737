import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import {
  type CheckOutcome,
  checkInputs,
  containsUnknown,
  diffInputs,
  forEngine,
  isKnownString,
  joinId,
  PartialFailure,
  type PropertyMap,
  quote,
  splitId,
  withFailure,
} from "../resource";
import { resourceSpec } from "../resource/spec";
import { storedOutputs } from "../resource/stored-outputs";
import { withDefaultTeam } from "./check-team";
import type { AsaClient } from "./client";
import { asaClient } from "./configured-client";
import { describeGroup, refuseFederated } from "./group-access";
import { groupView } from "./group-view";
import { adoptArg, groupNameArg, teamArg, usernameArg } from "./input-fields";
import { MemberSet } from "./member-set";
import { applyPlan, type ChangeOutcome } from "./membership-changes";
import { afterPlan, isSatisfied, partition, planMembership } from "./membership-plan";
import { type MemberProblem, userDirectory } from "./user-directory";

export const MembershipMode = z.enum(["authoritative", "additive"], {
  error: (iss) =>
    `must be "authoritative" or "additive", not ${quote(iss.input)}: "authoritative" owns the whole member list, "additive" only the listed members`,
});

/** The members a program lists. */
export const MembersArg = z
  .array(usernameArg, {
    error: (iss) =>
      iss.input === undefined
        ? `required: the usernames of the group's members, e.g. ["Jason.Compson.IV"]; use [] for none`
        : `must be a list of usernames, e.g. ["Jason.Compson.IV"], not ${quote(iss.input)}`,
  })
  .transform((names) => MemberSet.of(names).toStored());

/** asa.GroupMembership's arguments, as check validates and normalises them. */
export const GroupMembershipArgs = z.strictObject({
  group: groupNameArg("the group's name or an asa.Group"),
  // The program gives a list; under `ignoreChanges: ["members"]` the engine hands back the
  // stored name set, read as the list it stands for.
  members: z.preprocess(
    (value) => (MemberSet.isStoredForm(value) ? MemberSet.from(value).list() : value),
    MembersArg,
  ),
  mode: MembershipMode.default("authoritative"),
  team: teamArg,
  adopt: adoptArg,
});

/** What check hands the engine: the arguments with the team resolved from config if none was given. */
type MembershipInputs = Omit<z.output<typeof GroupMembershipArgs>, "team"> & { team: string };

/** Members as stored: a name set, or a list in state written before name sets. */
const storedMembers = z.union([z.array(z.string()), z.record(z.string(), z.literal(true))]);

/**
 * The stored outputs. `members`: who this resource manages and is in the group (the whole group
 * in authoritative mode); `unmanagedMembers`: the others (additive mode only), left alone.
 */
export const GroupMembershipOutputs = z.object({
  group: z.string(),
  team: z.string(),
  mode: MembershipMode,
  adopt: z.boolean(),
  members: storedMembers,
  unmanagedMembers: storedMembers,
});

export type MembershipApi = Pick<
  AsaClient,
  "getGroup" | "listGroupUsers" | "addUserToGroup" | "removeUserFromGroup" | "getUser" | "listUsers"
>;

interface Membership {
  group: string;
  team: string;
  mode: "authoritative" | "additive";
  adopt: boolean;
}

function listed(names: Iterable<string>, limit = 20): string {
  const all = [...names];
  const shown = all.slice(0, limit).join(", ");
  return all.length > limit ? `${shown} and ${all.length - limit} more` : shown;
}

/** What the stored outputs say, the team and group taken from the ID when they are missing. */
function storedState(id: string, props: PropertyMap | undefined) {
  const stored = storedOutputs(GroupMembershipOutputs, props);
  const fromId = splitId(id);
  return {
    team: stored.team ?? fromId?.scope,
    group: stored.group ?? fromId?.name,
    mode: stored.mode ?? "authoritative",
    adopt: stored.adopt ?? false,
    members: MemberSet.from(stored.members),
    unmanagedMembers: MemberSet.from(stored.unmanagedMembers),
  };
}

/** The stored outputs for a live member list. */
function outputsOf(membership: Membership, managed: MemberSet, live: MemberSet) {
  const { members, unmanagedMembers } = partition(membership.mode, managed, live);
  return {
    ...membership,
    members: members.toStored(),
    unmanagedMembers: unmanagedMembers.toStored(),
  };
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
  olds: PropertyMap,
  client: (team: string) => MembershipApi,
): Promise<CheckOutcome> {
  const { team, group, members } = outcome.inputs;
  if (outcome.failures.length > 0 || containsUnknown(members) || !isKnownString(team)) {
    return outcome;
  }
  const toCheck = MemberSet.from(members).minus(MemberSet.from(olds.members));
  const problems = await userDirectory(client(team)).problems(toCheck.list());
  if (problems.length === 0) return outcome;
  const where = isKnownString(group) ? describeGroup(team, group) : `the group in team "${team}"`;
  return withFailure(
    outcome,
    "members",
    `${problems.length} of the users cannot join ${where}: ${listProblems(problems)}; fix or remove them (usernames are case-sensitive)`,
  );
}

function adoptionRequired(where: string, strangers: MemberSet): Error {
  return new Error(
    `Cannot manage the members of ${where} authoritatively: it has ${strangers.size} member(s) that members does not list: ${listed(strangers)}. An authoritative asa.GroupMembership would remove them. To take the group over, set adopt: true (then the next up removes them unless you list them in members), or use mode: "additive" to manage only the listed members. Nothing was changed.`,
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
    rawInputs: PropertyMap,
    previouslyManaged: MemberSet,
    guardStrangers: boolean,
  ) {
    const inputs = rawInputs as MembershipInputs;
    const membership: Membership = {
      group: inputs.group,
      team: inputs.team,
      mode: inputs.mode,
      adopt: inputs.adopt,
    };
    const { group, team, mode, adopt } = membership;
    const declared = MemberSet.from(inputs.members);
    const where = describeGroup(team, group);
    const api = client(team);
    await groupView(api).writable(team, group, `change the members of ${where}`);
    const live = await groupView(api).membersOf(group);
    const plan = planMembership(mode, declared, live, previouslyManaged);

    // Additive mode removes only names it managed before, so it never meets a stranger.
    if (guardStrangers && !adopt) {
      const strangers = plan.toRemove.minus(previouslyManaged);
      if (strangers.size > 0) throw adoptionRequired(where, strangers);
    }
    // Checked at preview already (check): this costs nothing more unless the preview was skipped.
    const problems = await userDirectory(api).problems(plan.toAdd.list());
    if (problems.length > 0) {
      throw new Error(
        `Cannot change the members of ${where}: ${problems.length} of the users to add cannot join it, so nothing was changed: ${listProblems(problems)}. Fix or remove them in members.`,
      );
    }

    groupView(api).forgetMembers(group);
    const outcome = await applyPlan(api, group, plan);
    if (outcome.failures.length === 0)
      return outputsOf(membership, declared, afterPlan(live, plan));
    // What is in the group now: read back (a call that failed may still have been applied),
    // or, if that fails too, what the calls that succeeded did.
    const made = { toAdd: MemberSet.of(outcome.added), toRemove: MemberSet.of(outcome.removed) };
    const actual = await groupView(api)
      .membersOf(group)
      .catch(() => afterPlan(live, made));
    if (isSatisfied(mode, declared, actual, previouslyManaged)) {
      return outputsOf(membership, declared, actual);
    }
    // Still managed: the declared names and those whose removal failed (a failed add is declared).
    const failed = outcome.failures.map((f) => f.name);
    const outs = outputsOf(membership, declared.union(failed), actual);
    const next =
      "State records who is in the group now. Run `pulumi up` again to finish: it reads the group and sends only the changes still missing.";
    throw new PartialFailure(partialFailureMessage(where, outcome, next), id, outs, rawInputs);
  }

  return {
    async check(olds, news) {
      const outcome = withDefaultTeam(
        checkInputs(GroupMembershipArgs, news, { resource: spec.label }),
      );
      return forEngine(await checkMembers(outcome, olds, client));
    },

    async diff(_id, olds, news) {
      return diffInputs(olds, news, {
        compare: ["group", "team", "members", "mode"],
        replaceOn: ["group", "team"],
        // One resource per group: let go of the old group before taking the new one.
        deleteBeforeReplace: true,
        normalize: { members: (value) => MemberSet.from(value).list() },
      });
    },

    async create(news) {
      const inputs = news as MembershipInputs;
      const id = joinId(inputs.team, inputs.group);
      // Stryker disable next-line ArrayDeclaration: nobody is managed yet; a name in the list would differ only if a member were really named so
      return { id, outs: await converge(id, news, MemberSet.of([]), true) };
    },

    async read(id, props) {
      const stored = storedState(id, props);
      const { team, group, mode, adopt } = stored;
      if (!team || !group) return {};
      const api = client(team);
      if (!(await groupView(api).liveGroup(group))) return {};
      const live = await groupView(api).membersOf(group);
      const outs = outputsOf({ group, team, mode, adopt }, stored.members, live);
      // Fresh inputs make the next preview list, by name, who will be added and removed.
      const inputs = { group, team, mode, adopt, members: outs.members };
      // No drift: the outputs stay as stored (state written before name sets keeps its lists
      // until the next change, so upgrading shows no diff).
      const drifted =
        !MemberSet.from(outs.members).equals(stored.members) ||
        !MemberSet.from(outs.unmanagedMembers).equals(stored.unmanagedMembers);
      return { id, props: drifted ? outs : { ...outs, ...props }, inputs };
    },

    async update(id, olds, news) {
      const before = storedState(id, olds);
      const switchesToAuthoritative = before.mode === "additive";
      return { outs: await converge(id, news, before.members, switchesToAuthoritative) };
    },

    async delete(id, props) {
      const { team, group, members } = storedState(id, props);
      if (!team || !group || members.size === 0) return;
      const api = client(team);
      const where = describeGroup(team, group);
      const found = await groupView(api).liveGroup(group);
      if (!found) return;
      refuseFederated(found, team, `remove the members of ${where}`);
      groupView(api).forgetMembers(group);
      const outcome = await applyPlan(api, group, { toAdd: MemberSet.of([]), toRemove: members });
      if (outcome.failures.length > 0) {
        const next =
          "The resource stays in state. Run the same command again (`pulumi destroy`, or `pulumi up` if the resource left the program) to finish: members already removed count as done.";
        throw new Error(partialFailureMessage(where, outcome, next));
      }
    },
  };
}

export const spec = resourceSpec(
  "asa:GroupMembership",
  GroupMembershipArgs,
  GroupMembershipOutputs,
  groupMembershipProvider,
);
