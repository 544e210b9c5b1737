import { z } from "zod";
import { type ScaikeyData, type ScaikeyUser, scaikeyUserStatusSchema } from "../data-schema";
import type { Query } from "../query";
import { parseScaikey } from "./errors";
import { queryBool, queryInt } from "./query-params";
import { meta, userListItem } from "./user-views";

const sortFields = [
  "created_at",
  "email",
  "display_name",
  "username",
  "last_login_at",
  "status",
] as const;

/** GET /api/v1/tenants/{tenant_id}/users: `status` is a `UserStatus` there. */
export const userListQuery = z.object({
  page: queryInt.pipe(z.number().min(1)).default(1),
  per_page: queryInt.pipe(z.number().min(1).max(100)).default(20),
  search: z.string().optional(),
  status: z.string().pipe(scaikeyUserStatusSchema).optional(),
  ou_id: z.string().optional(),
  group_id: z.string().optional(),
  mfa_enabled: queryBool.optional(),
  sort_by: z.enum(sortFields).default("created_at"),
  sort_order: z.enum(["asc", "desc"]).default("desc"),
});

/** GET /api/v1/admin/users/: `status` is a plain string (`string | null` in the seed), matched as
 * given, so an unknown status lists no one; and two more filters. */
export const adminUserListQuery = userListQuery.extend({
  status: z.string().optional(),
  tenant_id: z.string().optional(),
  partner_id: z.string().optional(),
});

/** The last value of each parameter, as FastAPI reads a scalar query parameter. */
export function parseListQuery<T extends z.ZodType>(schema: T, query: Query): z.output<T> {
  const scalars = Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value.at(-1) : value]),
  );
  return parseScaikey(schema, scalars, "query");
}

type ListQuery = z.output<typeof userListQuery> | z.output<typeof adminUserListQuery>;

/** PaginatedResponse_UserListItem_ of the users that pass the filters. */
export function listUsers(data: ScaikeyData, users: ScaikeyUser[], query: ListQuery) {
  const search = query.search?.toLowerCase();
  const selected = users.filter(
    (u) =>
      u.deleted_at === null &&
      (!search ||
        [u.email, u.username, u.first_name, u.last_name, u.display_name].some((field) =>
          field?.toLowerCase().includes(search),
        )) &&
      (query.status === undefined || u.status === query.status) &&
      (query.ou_id === undefined || u.ou_id === query.ou_id) &&
      (query.group_id === undefined || u.group_ids.includes(query.group_id)) &&
      (query.mfa_enabled === undefined || u.mfa_enabled === query.mfa_enabled),
  );
  const direction = query.sort_order === "asc" ? 1 : -1;
  const key = query.sort_by;
  selected.sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x !== y) {
      if (x === null) return 1; // nulls last either way
      if (y === null) return -1;
      return x < y ? -direction : direction;
    }
    return a.id < b.id ? -1 : 1;
  });
  const start = (query.page - 1) * query.per_page;
  return {
    data: selected.slice(start, start + query.per_page).map((u) => userListItem(data, u)),
    pagination: {
      page: query.page,
      per_page: query.per_page,
      total_items: selected.length,
      total_pages: Math.ceil(selected.length / query.per_page),
    },
    meta: meta(),
  };
}
