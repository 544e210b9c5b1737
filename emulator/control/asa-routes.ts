import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { findGroup, findTeam, findUser, isLive } from "../asa/team";
import { type AsaGroup, type AsaTeam, asaGroupSchema, asaUserSchema } from "../data-schema";
import { ErrorAnswer } from "../error-answer";
import type { EmulatorState } from "../state";
import { oneOrMany, parseControl } from "./errors";

type TeamParams = { team: string };
type UserParams = TeamParams & { name: string };
type MemberParams = TeamParams & { name: string; user: string };

function checkMembers(team: AsaTeam, members: string[]) {
  for (const member of members) findUser(team, member);
}

/** At most one live group per name; `self` is the group being changed, if any. */
function checkLiveName(team: AsaTeam, group: AsaGroup, self?: AsaGroup) {
  if (isLive(group) && team.groups.some((g) => g !== self && g.name === group.name && isLive(g)))
    throw new ErrorAnswer(409, `a live group ${group.name} already exists`);
}

/** Direct edits of ASA objects, as an administrator would make them in the console. */
export function asaControlRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    const team = (params: TeamParams) => findTeam(state.data, params.team);

    app.get<{ Params: TeamParams }>(
      "/asa/teams/:team/users",
      async (request) => team(request.params).users,
    );

    app.post<{ Params: TeamParams }>("/asa/teams/:team/users", async (request, reply) => {
      const t = team(request.params);
      const created = oneOrMany(request.body, (input) => {
        const user = parseControl(asaUserSchema, input);
        if (t.users.some((u) => u.name === user.name))
          throw new ErrorAnswer(409, `user ${user.name} already exists`);
        t.users.push(user);
        return user;
      });
      return reply.code(201).send(created);
    });

    app.get<{ Params: UserParams }>("/asa/teams/:team/users/:name", async (request) =>
      findUser(team(request.params), request.params.name),
    );

    app.patch<{ Params: UserParams }>("/asa/teams/:team/users/:name", async (request) => {
      const t = team(request.params);
      const user = findUser(t, request.params.name);
      const updated = parseControl(asaUserSchema, { ...user, ...(request.body as object) });
      if (updated.name !== user.name) {
        if (t.users.some((u) => u.name === updated.name))
          throw new ErrorAnswer(409, `user ${updated.name} already exists`);
        for (const group of t.groups)
          group.members = group.members.map((m) => (m === user.name ? updated.name : m));
      }
      return Object.assign(user, updated);
    });

    app.delete<{ Params: UserParams }>("/asa/teams/:team/users/:name", async (request, reply) => {
      const t = team(request.params);
      const user = findUser(t, request.params.name);
      if (t.service_keys.some((k) => k.service_user === user.name))
        throw new ErrorAnswer(409, `user ${user.name} holds a service key`);
      t.users = t.users.filter((u) => u !== user);
      for (const group of t.groups) group.members = group.members.filter((m) => m !== user.name);
      return reply.code(204).send();
    });

    app.get<{ Params: TeamParams }>(
      "/asa/teams/:team/groups",
      async (request) => team(request.params).groups,
    );

    app.post<{ Params: TeamParams }>("/asa/teams/:team/groups", async (request, reply) => {
      const t = team(request.params);
      const created = oneOrMany(request.body, (input) => {
        const group = parseControl(asaGroupSchema, input);
        checkMembers(t, group.members);
        checkLiveName(t, group);
        t.groups.push(group);
        return group;
      });
      return reply.code(201).send(created);
    });

    app.get<{ Params: UserParams }>("/asa/teams/:team/groups/:name", async (request) =>
      findGroup(team(request.params), request.params.name),
    );

    // A soft delete is a PATCH of `deleted_at`; DELETE removes the group outright.
    app.patch<{ Params: UserParams }>("/asa/teams/:team/groups/:name", async (request) => {
      const t = team(request.params);
      const group = findGroup(t, request.params.name);
      const updated = parseControl(asaGroupSchema, { ...group, ...(request.body as object) });
      checkMembers(t, updated.members);
      checkLiveName(t, updated, group);
      return Object.assign(group, updated);
    });

    app.delete<{ Params: UserParams }>("/asa/teams/:team/groups/:name", async (request, reply) => {
      const t = team(request.params);
      const group = findGroup(t, request.params.name);
      t.groups = t.groups.filter((g) => g !== group);
      return reply.code(204).send();
    });

    app.put<{ Params: UserParams }>("/asa/teams/:team/groups/:name/members", async (request) => {
      const t = team(request.params);
      const group = findGroup(t, request.params.name);
      const members = parseControl(z.array(z.string()), request.body);
      checkMembers(t, members);
      group.members = [...new Set(members)];
      return group;
    });

    app.post<{ Params: MemberParams }>(
      "/asa/teams/:team/groups/:name/members/:user",
      async (request) => {
        const t = team(request.params);
        const group = findGroup(t, request.params.name);
        const user = findUser(t, request.params.user);
        if (!group.members.includes(user.name)) group.members.push(user.name);
        return group;
      },
    );

    app.delete<{ Params: MemberParams }>(
      "/asa/teams/:team/groups/:name/members/:user",
      async (request) => {
        const t = team(request.params);
        const group = findGroup(t, request.params.name);
        group.members = group.members.filter((m) => m !== request.params.user);
        return group;
      },
    );
  };
}
