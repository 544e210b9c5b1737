import type { Review } from "./review";

/** The review's totals. */
export function summarize(review: Review) {
  let membersAdded = 0;
  let membersRemoved = 0;
  const groups = { created: 0, adopted: 0, deleted: 0, rolesChanged: 0, membersChanged: 0 };
  for (const group of review.groups) {
    if (group.members?.kind === "listed") {
      membersAdded += group.members.added.length;
      membersRemoved += group.members.removed.length;
      if (group.members.added.length + group.members.removed.length > 0) groups.membersChanged += 1;
    }
    if (group.group === "created") groups.created += 1;
    if (
      group.group === "adopted" ||
      (group.group === "unchanged" && group.members?.kind === "adopted")
    )
      groups.adopted += 1;
    if (group.group === "deleted") groups.deleted += 1;
    if (group.group === "roles changed") groups.rolesChanged += 1;
  }
  return { membersAdded, membersRemoved, groups, userChanges: review.users.length };
}

export type Summary = ReturnType<typeof summarize>;
