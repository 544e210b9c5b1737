import type { Review } from "./review";

/** Statuses and flags that let a user in, by resource. */
const ACTIVATING: Record<string, { field: string; value: unknown }> = {
  "asa.UserStatus": { field: "status", value: "ACTIVE" },
  "secureframe.UserStatus": { field: "active", value: true },
  "scaikey.UserStatus": { field: "status", value: "ACTIVE" },
};

/**
 * Why the change grants access, one reason per group or user; none when it only takes access away
 * or changes nothing. Counted as granting: members added; roles added to a group that has (or may
 * have) members; a group adopted, or members that are secret or known only during `up` (the
 * preview cannot tell who joins); a user's status set to active.
 */
export function accessGrants(review: Review): string[] {
  const reasons: string[] = [];
  for (const group of review.groups) {
    const where = `group "${group.name}"`;
    const members = group.members;
    if (members?.kind === "listed" && members.added.length > 0) {
      reasons.push(`${members.added.length} member(s) added to ${where}`);
    } else if (members?.kind === "adopted") {
      reasons.push(
        `${where} adopted: who is in it is compared with the declaration only during up`,
      );
    } else if (members?.kind === "secret" || members?.kind === "unknown") {
      reasons.push(
        `the members of ${where} are ${members.kind === "secret" ? "secret" : "known only during up"}`,
      );
    }
    const before = new Set(group.roles?.before ?? []);
    const added = (group.roles?.after ?? []).filter((role) => !before.has(role));
    if (group.group === "roles changed" && added.length > 0 && group.memberCount !== 0) {
      reasons.push(`${where} grants ${added.join(", ")} to its members`);
    }
  }
  for (const user of review.users) {
    const activating = ACTIVATING[user.resource];
    if (!activating) continue;
    const field = user.fields.find((f) => f.field === activating.field);
    if (field && "after" in field && field.after === activating.value) {
      reasons.push(`${user.api} user "${user.user}" set to ${String(activating.value)}`);
    }
  }
  return reasons;
}
