import { z } from "zod";

// Secureframe: JSON:API-style envelopes around a user's `attributes`. Many attributes are null.

export const EmployeeType = z.enum([
  "contractor",
  "employee",
  "non_employee",
  "auditor",
  "external",
  "workspace",
]);
export type EmployeeType = z.infer<typeof EmployeeType>;

const text = z.string().nullish();
const dateTime = z.string().nullish();

/** A user's `attributes` (OpenAPI `User`). Only `id` and `email` are always there. */
export const UserAttributes = z.object({
  id: z.string().optional(),
  email: z.string(),
  first_name: text,
  middle_name: text,
  last_name: text,
  name: text,
  preferred_first_name: text,
  title: text,
  department_id: text,
  manager_name: text,
  role: text,
  access_role: text,
  active: z.boolean().nullish(),
  active_source: text,
  // A string rather than the enum: a new employee type must not break reading users.
  employee_type: text,
  start_date: dateTime,
  end_date: dateTime,
  in_audit_scope: z.boolean().nullish(),
  invited: z.boolean().nullish(),
  invited_at: dateTime,
  onboarding_status: text,
  personnel_status: text,
  secureframe_agent_acknowledged_at: dateTime,
  image_url: text,
  created_at: dateTime,
  updated_at: dateTime,
});
export type UserAttributes = z.infer<typeof UserAttributes>;

/** One object of the envelope: `{"id", "type", "attributes", "relationships", "links"}`. */
export const UserResource = z.object({
  id: z.string(),
  type: z.string().optional(),
  attributes: UserAttributes,
  relationships: z.unknown().optional(),
  links: z.unknown().optional(),
});
export type UserResource = z.infer<typeof UserResource>;

/** What the clients return: the attributes, flattened, with the resource's `id`. */
export type User = Omit<UserAttributes, "id"> & { id: string };

export function flattenUser(resource: UserResource): User {
  return { ...resource.attributes, id: resource.attributes.id ?? resource.id };
}

/** GET and PUT /users/{id}: `{"data": {...}}`. */
export const UserEnvelope = z.object({
  data: UserResource,
  included: z.array(z.unknown()).optional(),
  includes: z.unknown().optional(),
});

/**
 * GET /users: clients in the wild read `{"data": [...]}`; the OpenAPI document and the seed show
 * a top-level array, whose items the document wraps one by one in `{"data": {...}}`. All three
 * are accepted.
 */
export const UserListPage = z
  .union([
    z.object({ data: z.array(UserResource) }),
    z.array(z.union([UserResource, z.object({ data: UserResource })])),
  ])
  .transform((page) =>
    (Array.isArray(page) ? page : page.data).map((item) =>
      flattenUser("attributes" in item ? item : item.data),
    ),
  );

/** ISO 8601 date or date-time; null is sent as an empty value, which clears the date (the emulator's reading: the API does not say). */
const updateDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date(), z.null()])
  .transform((value) => value ?? "");

/**
 * PUT /users/{id}: sent in the query string. `employee_type` takes the OpenAPI document's six
 * types (the seed lists five, without "workspace"; docs/emulator.md says why we follow the
 * document). `in_audit_scope` is "only updateable in certain cases".
 */
export const UserUpdate = z
  .object({
    active: z.boolean(),
    employee_type: EmployeeType,
    start_date: updateDate,
    end_date: updateDate,
    in_audit_scope: z.boolean(),
  })
  .partial();
export type UserUpdate = z.input<typeof UserUpdate>;

export const ErrorBody = z
  .object({
    message: z.string().optional(),
    error: z.string().optional(),
    errors: z.array(z.unknown()).optional(),
  })
  .loose();

export function errorFields(body: unknown): { code?: string; message?: string } {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return {};
  const { message, error, errors } = parsed.data;
  const joined = errors
    ?.map((e) =>
      typeof e === "string"
        ? e
        : ((e as { detail?: string; title?: string })?.detail ?? (e as { title?: string })?.title),
    )
    .filter((e): e is string => typeof e === "string")
    .join("; ");
  const text = message ?? error ?? (joined || undefined);
  return text ? { message: text } : {};
}
