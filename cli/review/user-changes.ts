import { isDeepStrictEqual } from "node:util";
import type { PlanStep, Preview, ResourceState } from "./preview-json";
import {
  isUserResource,
  resourceName,
  USER_RESOURCES,
  type UserResourceName,
} from "./resource-types";
import type { FieldChange, UserReview } from "./review";

// Per user resource of the plan: the managed values before and after, from the step's old and
// new inputs. Objects of values (asa details, ScaiKey custom attributes) count value by value.

type Values = Record<string, unknown>;

/** The managed values of a state, flat: `status`, `details.email`, `customAttributes.employer`. */
function valuesOf(resource: UserResourceName, state: ResourceState): Values {
  const values: Values = {};
  for (const field of USER_RESOURCES[resource].values) {
    const value = state.inputs[field];
    if (value === undefined) continue;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (inner !== undefined) values[`${field}.${key}`] = inner;
      }
    } else {
      values[field] = value;
    }
  }
  return values;
}

function fieldChanges(before: Values, after: Values): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => !isDeepStrictEqual(before[field], after[field]))
    .map((field) => ({
      field,
      ...(field in before ? { before: before[field] } : {}),
      ...(field in after ? { after: after[field] } : {}),
    }));
}

/** The resource's name in the program: the URN's last part. */
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

function entry(
  resource: UserResourceName,
  step: PlanStep,
  state: ResourceState,
  change: UserReview["change"],
  fields: FieldChange[],
): UserReview {
  const spec = USER_RESOURCES[resource];
  const user = state.inputs[spec.user] ?? state.outputs.userId;
  const scope =
    "scope" in spec ? (state.inputs[spec.scope] ?? state.outputs[spec.scope]) : undefined;
  return {
    resource,
    name: nameOf(step.urn),
    api: spec.api,
    user: typeof user === "string" ? user : "(known during up)",
    ...(typeof scope === "string" ? { scope } : {}),
    change,
    fields,
    ...(change === "deleted" ? { restoreOnDelete: state.inputs.restoreOnDelete === true } : {}),
  };
}

export function userReviews(preview: Preview): UserReview[] {
  const reviews: UserReview[] = [];
  for (const step of preview.steps) {
    const resource = resourceName((step.new ?? step.old)?.type ?? "");
    if (!isUserResource(resource)) continue;
    const { old, new: now } = step;
    const values = (state: ResourceState | undefined) => (state ? valuesOf(resource, state) : {});
    const spec = USER_RESOURCES[resource];
    const sameUser = old && now && isDeepStrictEqual(old.inputs[spec.user], now.inputs[spec.user]);
    if (
      step.op === "update" ||
      ((step.op === "replace" || step.op === "create-replacement") && sameUser)
    ) {
      if (!old || !now) continue;
      const fields = fieldChanges(values(old), values(now));
      if (fields.length > 0) reviews.push(entry(resource, step, now, "updated", fields));
      continue;
    }
    const removes = ["delete", "delete-replaced", "discard", "replace", "create-replacement"];
    if (removes.includes(step.op) && old) {
      reviews.push(entry(resource, step, old, "deleted", fieldChanges(values(old), {})));
    }
    if (["create", "replace", "create-replacement"].includes(step.op) && now) {
      reviews.push(entry(resource, step, now, "created", fieldChanges({}, values(now))));
    }
  }
  return reviews.sort(
    (a, b) =>
      compare(a.api, b.api) ||
      compare(a.scope ?? "", b.scope ?? "") ||
      compare(a.user, b.user) ||
      compare(a.resource, b.resource),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
