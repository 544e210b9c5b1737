import { groupReviews } from "./group-changes";
import type { Preview, ResourceState } from "./preview-json";
import type { Review } from "./review";
import { userReviews } from "./user-changes";

/** The review of a preview; `states` (a `--state` export) name what the preview leaves out. */
export function buildReview(preview: Preview, states: readonly ResourceState[] = []): Review {
  return {
    ...(preview.stack ? { stack: preview.stack } : {}),
    ...(preview.project ? { project: preview.project } : {}),
    errors: preview.errors,
    groups: groupReviews(preview, [...preview.refreshed, ...states]),
    users: userReviews(preview),
    wholeStack: preview.refreshed.length > 0 || states.length > 0,
  };
}
