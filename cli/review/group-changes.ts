import { containsUnknown } from "../../provider/resource/unknown";
import { membersOf, without } from "./members";
import type { PlanStep, Preview, ResourceState } from "./preview-json";
import { GROUP, MEMBERSHIP, resourceName } from "./resource-types";
import type { GroupReview, MemberChanges } from "./review";

// Per ASA group, from the plan's asa.Group and asa.GroupMembership steps: who is added and removed,
// and which roles the group grants them. Member changes come from each step's old and new inputs
// (the name set the engine compares); the roles from the group's own step, else from any state of
// it the review was given (the refresh of a `--refresh` preview, a `--state` export).

interface Draft extends Omit<GroupReview, "roles"> {
  /** undefined: no step said, look in the states. */
  roles?: GroupReview["roles"];
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && !containsUnknown(value) ? value : undefined;

/** The team and group a state names: an asa.Group's `name`, a membership's `group`. */
function groupOf(state: ResourceState, key: "name" | "group"): { team: string; name: string } {
  const name = text(state.inputs[key]) ?? text(state.outputs[key]) ?? "(known during up)";
  const team = text(state.inputs.team) ?? text(state.outputs.team) ?? "";
  return { team, name };
}

function rolesOf(state: ResourceState): string[] | null {
  const roles = Array.isArray(state.inputs.roles) ? state.inputs.roles : state.outputs.roles;
  if (!Array.isArray(roles) || !roles.every((role) => typeof role === "string")) return null;
  return containsUnknown(roles) ? null : [...new Set(roles as string[])].sort();
}

const isAuthoritative = (state: ResourceState) =>
  (state.inputs.mode ?? state.outputs.mode ?? "authoritative") === "authoritative";

/** Members an additive membership leaves alone (its outputs), as names. */
function unmanaged(state: ResourceState): string[] {
  const list = state.outputs.unmanagedMembers;
  return Array.isArray(list) ? list.filter((n): n is string => typeof n === "string") : [];
}

function created(state: ResourceState): MemberChanges {
  const list = membersOf(state);
  if (list === "secret") return { kind: "secret" };
  if (list === undefined || list === "unknown") return { kind: "unknown" };
  if (state.inputs.adopt === true && isAuthoritative(state)) {
    return { kind: "adopted", declared: list.names.length };
  }
  return { kind: "listed", added: list.names, removed: [], after: list.names.length };
}

function deleted(state: ResourceState): MemberChanges {
  // Deleting a membership removes the members it manages, as last recorded.
  const list = isAuthoritative(state) ? membersOf(state) : membersOfOutputs(state);
  if (list === "secret") return { kind: "secret" };
  if (list === undefined || list === "unknown") return { kind: "unknown" };
  return { kind: "listed", added: [], removed: list.names, after: unmanaged(state).length };
}

function membersOfOutputs(state: ResourceState) {
  return membersOf({ inputs: {}, outputs: state.outputs }) ?? membersOf(state);
}

function updated(old: ResourceState, now: ResourceState): MemberChanges {
  const before = membersOf(old);
  const after = membersOf(now);
  if (before === "secret" || after === "secret") return { kind: "secret" };
  if (!before || !after || before === "unknown" || after === "unknown") return { kind: "unknown" };
  const removed = without(before.names, after.names);
  // Switching to authoritative removes the members the additive resource left alone.
  if (!isAuthoritative(old) && isAuthoritative(now)) {
    removed.push(...without(unmanaged(old), [...after.names, ...removed]));
  }
  const kept = isAuthoritative(now) ? 0 : without(unmanaged(old), after.names).length;
  return {
    kind: "listed",
    added: without(after.names, before.names),
    removed: removed.sort(),
    after: after.names.length + kept,
  };
}

const count = (changes: MemberChanges | null): number | null =>
  changes?.kind === "listed"
    ? changes.after
    : changes?.kind === "adopted"
      ? changes.declared
      : null;

/** Whether a plan step replaces, deletes or creates: its op as one of these. */
function kindOf(step: PlanStep): "create" | "delete" | "update" | "replace" | "other" {
  if (step.op === "create") return "create";
  if (step.op === "delete" || step.op === "delete-replaced" || step.op === "discard")
    return "delete";
  if (step.op === "update") return "update";
  if (step.op === "replace" || step.op === "create-replacement") return "replace";
  return "other";
}

export function groupReviews(preview: Preview, states: readonly ResourceState[]): GroupReview[] {
  const drafts = new Map<string, Draft>();
  const draft = ({ team, name }: { team: string; name: string }): Draft => {
    const key = `${team}/${name}`;
    let entry = drafts.get(key);
    if (!entry) {
      entry = { team, name, group: "unchanged", members: null, memberCount: null };
      drafts.set(key, entry);
    }
    return entry;
  };
  const sameGroup = (a: ResourceState, b: ResourceState, key: "name" | "group") =>
    JSON.stringify(groupOf(a, key)) === JSON.stringify(groupOf(b, key));

  function groupStep(step: PlanStep): void {
    const { old, new: now } = step;
    let kind = kindOf(step);
    if (kind === "replace" && old && now && sameGroup(old, now, "name")) kind = "update";
    if ((kind === "delete" || kind === "replace") && old) {
      Object.assign(draft(groupOf(old, "name")), {
        group: "deleted",
        roles: { before: rolesOf(old), after: [] },
      });
    }
    if ((kind === "create" || kind === "replace") && now) {
      const adopted = now.inputs.adopt === true;
      Object.assign(draft(groupOf(now, "name")), {
        group: adopted ? "adopted" : "created",
        roles: { before: adopted ? null : [], after: rolesOf(now) ?? [] },
      });
    }
    if (kind === "update" && old && now) {
      const before = rolesOf(old);
      const after = rolesOf(now) ?? [];
      const entry = draft(groupOf(now, "name"));
      entry.roles = { before, after };
      if (JSON.stringify(before) !== JSON.stringify(after)) entry.group = "roles changed";
    }
  }

  function membershipStep(step: PlanStep): void {
    const { old, new: now } = step;
    let kind = kindOf(step);
    if (kind === "replace" && old && now && sameGroup(old, now, "group")) kind = "update";
    if ((kind === "delete" || kind === "replace") && old) {
      draft(groupOf(old, "group")).members = deleted(old);
    }
    if ((kind === "create" || kind === "replace") && now) {
      draft(groupOf(now, "group")).members = created(now);
    }
    if (kind === "update" && old && now) draft(groupOf(now, "group")).members = updated(old, now);
  }

  for (const step of preview.steps) {
    const type = resourceName((step.new ?? step.old)?.type ?? "");
    if (type === GROUP) groupStep(step);
    if (type === MEMBERSHIP) membershipStep(step);
  }

  // What the plan does not say, from the states: the roles of unchanged groups, member counts.
  const known = [...states, ...preview.steps.flatMap((s) => (s.old ? [s.old] : []))];
  for (const entry of drafts.values()) {
    const where = (state: ResourceState, key: "name" | "group") =>
      groupOf(state, key).name === entry.name && groupOf(state, key).team === entry.team;
    if (entry.roles === undefined) {
      const group = known.find((s) => resourceName(s.type) === GROUP && where(s, "name"));
      const roles = group ? rolesOf(group) : null;
      entry.roles = roles ? { before: roles, after: roles } : null;
    }
    entry.memberCount = count(entry.members);
    if (entry.memberCount === null && entry.group !== "deleted") {
      const membership = known.find(
        (s) => resourceName(s.type) === MEMBERSHIP && where(s, "group"),
      );
      const list = membership ? membersOf(membership) : undefined;
      entry.memberCount = typeof list === "object" ? list.names.length : null;
    }
    if (entry.group === "deleted" && entry.memberCount === null) entry.memberCount = 0;
  }

  return [...drafts.values()]
    .filter((entry) => entry.group !== "unchanged" || changesMembers(entry.members))
    .map(({ team, name, group, roles, members, memberCount }) => ({
      team,
      name,
      group,
      roles: roles ?? null,
      members,
      memberCount,
    }))
    .sort((a, b) => compare(a.team, b.team) || compare(a.name, b.name));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function changesMembers(members: MemberChanges | null): boolean {
  if (members === null) return false;
  if (members.kind === "listed") return members.added.length + members.removed.length > 0;
  return true;
}
