import { z } from "zod";
import { ApiError } from "../api-error";
import { type SecureframeUser, secureframeEmployeeTypeSchema } from "../data-schema";
import type { Query } from "../query";
import { queryValue } from "../query";

const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");
// ISO 8601 date or date-time; an empty value clears the date.
const dateParam = z.union([
  z.literal("").transform(() => null),
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .transform((v) => new Date(v).toISOString()),
]);

// PUT /users/{id} takes its parameters in the query string. `employee_type` takes every type a
// user can have, "workspace" included: Secureframe's published OpenAPI document lists it for this
// parameter, the seed's shorter list does not say it is refused (see docs/emulator.md).
const updateParams = z.object({
  active: booleanParam.optional(),
  employee_type: secureframeEmployeeTypeSchema.optional(),
  start_date: dateParam.optional(),
  end_date: dateParam.optional(),
  in_audit_scope: booleanParam.optional(),
});

export function applyUpdateParams(user: SecureframeUser, query: Query): void {
  const raw = Object.fromEntries(
    Object.keys(updateParams.shape).map((key) => [key, queryValue(query, key)]),
  );
  const result = updateParams.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ApiError(400, `Invalid value for ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const changes = Object.entries(result.data).filter(([, value]) => value !== undefined);
  if (changes.length === 0) return;
  Object.assign(user, Object.fromEntries(changes), { updated_at: new Date().toISOString() });
}
