import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ApiError } from "../api-error";
import { asaGroupSchema, asaRoleSchema } from "../data-schema";
import { type Query, queryFlag, queryValues } from "../query";
import type { EmulatorState } from "../state";
import { parseAsaBody } from "./errors";
import { paginate } from "./pagination";
import {
  asaTime,
  findGroup,
  findLiveGroup,
  findTeam,
  findUser,
  foldCase,
  isLive,
  publicGroup,
} from "./team";
import { userFilter } from "./user-routes";

type TeamParams = { team_name: string };
type GroupParams = TeamParams & { group_name: string };
type MemberParams = GroupParams & { user_name: string };

// A Group-shaped body; `id`, `deleted_at` and the federation fields are the server's to set.
const groupCreateBody = z.object({
  name: z.string().min(1),
  roles: z.array(asaRoleSchema).default([]),
});
const groupUpdateBody = z.object({ roles: z.array(asaRoleSchema) });
// `{"name": "<username>"}`; older documents send a whole User, keyed on the same `name`.
const addMemberBody = z.object({ name: z.string().min(1) });

export function asaGroupRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    const team = (params: TeamParams) => findTeam(state.data, params.team_name);

    app.get<{ Params: TeamParams }>("/v1/teams/:team_name/groups", async (request, reply) => {
      const { groups } = team(request.params);
      const query = request.query as Query;
      const contains = queryValues(query, "contains").map((v) => v.toLowerCase());
      const onlyDeleted = queryFlag(query, "only_include_deleted");
      const withDeleted = onlyDeleted || queryFlag(query, "include_deleted");
      const selected = groups.filter(
        (g) =>
          (isLive(g) ? !onlyDeleted : withDeleted) &&
          contains.every((part) => g.name.toLowerCase().includes(part)),
      );
      return {
        list: paginate(request, reply, groups, selected, state.settings.asa.nextLinks).map((g) =>
          publicGroup(state.settings, g),
        ),
      };
    });

    app.post<{ Params: TeamParams }>("/v1/teams/:team_name/groups", async (request, reply) => {
      const { groups } = team(request.params);
      const body = parseAsaBody(groupCreateBody, request.body);
      if (groups.some((g) => g.name === body.name && isLive(g)))
        throw new ApiError(409, `group ${body.name} already exists`);
      const group = asaGroupSchema.parse(body);
      groups.push(group);
      return reply.code(201).send(publicGroup(state.settings, group));
    });

    app.get<{ Params: GroupParams }>("/v1/teams/:team_name/groups/:group_name", async (request) =>
      publicGroup(state.settings, findGroup(team(request.params), request.params.group_name)),
    );

    app.put<{ Params: GroupParams }>(
      "/v1/teams/:team_name/groups/:group_name",
      async (request, reply) => {
        const group = findLiveGroup(team(request.params), request.params.group_name);
        group.roles = [...new Set(parseAsaBody(groupUpdateBody, request.body).roles)];
        return reply.code(204).send();
      },
    );

    app.delete<{ Params: GroupParams }>(
      "/v1/teams/:team_name/groups/:group_name",
      async (request, reply) => {
        const group = findLiveGroup(team(request.params), request.params.group_name);
        group.deleted_at = asaTime(new Date());
        return reply.code(204).send();
      },
    );

    app.get<{ Params: GroupParams }>(
      "/v1/teams/:team_name/groups/:group_name/users",
      async (request, reply) => {
        const t = team(request.params);
        const group = findLiveGroup(t, request.params.group_name);
        const members = new Set(group.members);
        const filter = userFilter(request.query as Query, { serviceUsersByDefault: true });
        const selected = t.users.filter((u) => members.has(u.name) && filter(u));
        return { list: paginate(request, reply, t.users, selected, state.settings.asa.nextLinks) };
      },
    );

    app.post<{ Params: GroupParams }>(
      "/v1/teams/:team_name/groups/:group_name/users",
      async (request, reply) => {
        const t = team(request.params);
        const group = findLiveGroup(t, request.params.group_name);
        const user = findUser(t, parseAsaBody(addMemberBody, request.body).name, foldCase(state));
        if (user.status === "DELETED")
          throw new ApiError(400, `user ${user.name} is deleted and cannot join a group`);
        if (!group.members.includes(user.name)) group.members.push(user.name);
        return reply.code(204).send();
      },
    );

    app.delete<{ Params: MemberParams }>(
      "/v1/teams/:team_name/groups/:group_name/users/:user_name",
      async (request, reply) => {
        const t = team(request.params);
        const group = findLiveGroup(t, request.params.group_name);
        const user = findUser(t, request.params.user_name, foldCase(state));
        if (!group.members.includes(user.name))
          throw new ApiError(404, `user ${user.name} is not a member of group ${group.name}`);
        group.members = group.members.filter((m) => m !== user.name);
        return reply.code(204).send();
      },
    );

    app.get<{ Params: GroupParams }>(
      "/v1/teams/:team_name/groups/:group_name/users_not_in_group",
      async (request, reply) => {
        const t = team(request.params);
        const group = findLiveGroup(t, request.params.group_name);
        const members = new Set(group.members);
        const filter = userFilter(request.query as Query);
        const selected = t.users.filter(
          (u) => !members.has(u.name) && u.status !== "DELETED" && filter(u),
        );
        return { list: paginate(request, reply, t.users, selected, state.settings.asa.nextLinks) };
      },
    );
  };
}
