import { accessGrants } from "./grants";
import type { Review } from "./review";
import { summarize } from "./summary";

/** The review for tools: every name, no caps. `version` changes only when a field's meaning does. */
export function renderJson(review: Review): string {
  const grants = accessGrants(review);
  return `${JSON.stringify(
    {
      version: 1,
      stack: review.stack ?? null,
      project: review.project ?? null,
      failed: review.errors.length > 0,
      errors: review.errors,
      grantsAccess: grants.length > 0,
      grants,
      wholeStack: review.wholeStack,
      summary: summarize(review),
      groups: review.groups,
      users: review.users,
    },
    null,
    2,
  )}\n`;
}
