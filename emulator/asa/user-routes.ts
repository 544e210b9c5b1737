import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ApiError } from "../api-error";
import {
  type AsaTeam,
  type AsaUser,
  asaUserDetailsSchema,
  asaUserStatusSchema,
} from "../data-schema";
import { type Query, queryFlag, queryValues } from "../query";
import type { EmulatorState } from "../state";
import { parseAsaBody } from "./errors";
import { paginate } from "./pagination";
import { asaTime, findTeam, findUser, foldCase, isLive, publicGroup } from "./team";

type TeamParams = { team_name: string };
type UserParams = TeamParams & { user_name: string };

// A User-shaped body: only `status` and `details` mean anything; the rest is ignored.
// Details sent are merged over the stored ones (keys left out keep their value).
const text = z.string().nullable().optional();
const userUpdateBody = z.object({
  status: asaUserStatusSchema.optional(),
  details: z
    .object({ email: text, first_name: text, full_name: text, last_name: text })
    .nullable()
    .optional(),
});

/** The filters of user lists: `contains`, `starts_with`, `status` (repeatable), `id`,
 * `user_type`, and `include_service_users` (service users are left out unless it is true). */
export function userFilter(query: Query, { serviceUsersByDefault = false } = {}) {
  const contains = queryValues(query, "contains").map((v) => v.toLowerCase());
  const startsWith = queryValues(query, "starts_with").map((v) => v.toLowerCase());
  const statuses = queryValues(query, "status");
  for (const status of statuses)
    if (!asaUserStatusSchema.safeParse(status).success)
      throw new ApiError(400, `status must be ACTIVE, DISABLED or DELETED, not ${status}`);
  const ids = queryValues(query, "id");
  const userTypes = queryValues(query, "user_type");
  const withServiceUsers =
    serviceUsersByDefault ||
    queryFlag(query, "include_service_users") ||
    userTypes.includes("service");
  return (user: AsaUser) => {
    const name = user.name.toLowerCase();
    return (
      (withServiceUsers || user.user_type !== "service") &&
      contains.every((part) => name.includes(part)) &&
      startsWith.every((prefix) => name.startsWith(prefix)) &&
      (statuses.length === 0 || statuses.includes(user.status)) &&
      (ids.length === 0 || ids.includes(user.id)) &&
      (userTypes.length === 0 || userTypes.includes(user.user_type))
    );
  };
}

function applyUpdate(team: AsaTeam, user: AsaUser, body: z.output<typeof userUpdateBody>) {
  if (user.status === "DELETED" && body.status !== undefined && body.status !== "DELETED")
    throw new ApiError(400, `user ${user.name} is deleted and cannot be restored`);
  if (body.details !== undefined && user.user_type === "human")
    user.details =
      body.details === null
        ? null
        : asaUserDetailsSchema.parse({ ...user.details, ...body.details });
  if (body.status !== undefined && body.status !== user.status) {
    user.status = body.status;
    if (body.status === "DELETED") {
      user.deleted_at = asaTime(new Date());
      for (const group of team.groups) group.members = group.members.filter((m) => m !== user.name);
    }
  }
}

export function asaUserRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    app.get<{ Params: TeamParams }>("/v1/teams/:team_name/users", async (request, reply) => {
      const team = findTeam(state.data, request.params.team_name);
      const selected = team.users.filter(userFilter(request.query as Query));
      return { list: paginate(request, reply, team.users, selected, state.settings.asa.nextLinks) };
    });

    app.get<{ Params: UserParams }>("/v1/teams/:team_name/users/:user_name", async (request) => {
      const team = findTeam(state.data, request.params.team_name);
      return findUser(team, request.params.user_name, foldCase(state));
    });

    app.put<{ Params: UserParams }>(
      "/v1/teams/:team_name/users/:user_name",
      async (request, reply) => {
        const team = findTeam(state.data, request.params.team_name);
        const user = findUser(team, request.params.user_name, foldCase(state));
        applyUpdate(team, user, parseAsaBody(userUpdateBody, request.body));
        return reply.code(204).send();
      },
    );

    app.get<{ Params: UserParams }>(
      "/v1/teams/:team_name/users/:user_name/groups",
      async (request, reply) => {
        const team = findTeam(state.data, request.params.team_name);
        const user = findUser(team, request.params.user_name, foldCase(state));
        const groups = team.groups.filter((g) => isLive(g) && g.members.includes(user.name));
        return {
          list: paginate(request, reply, team.groups, groups, state.settings.asa.nextLinks).map(
            (g) => publicGroup(state.settings, g),
          ),
        };
      },
    );
  };
}
