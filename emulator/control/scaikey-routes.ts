import type { FastifyInstance } from "fastify";
import { type ScaikeyData, type ScaikeyUser, scaikeyUserSchema } from "../data-schema";
import { ErrorAnswer } from "../error-answer";
import type { EmulatorState } from "../state";
import { oneOrMany, parseControl } from "./errors";

type UserParams = { id: string };

function checkReferences(data: ScaikeyData, user: ScaikeyUser) {
  if (!data.tenants.some((t) => t.id === user.tenant_id))
    throw new ErrorAnswer(400, `tenant_id: no tenant ${user.tenant_id}`);
  for (const id of user.group_ids)
    if (!data.groups.some((g) => g.id === id && g.tenant_id === user.tenant_id))
      throw new ErrorAnswer(400, `group_ids: no group ${id} in tenant ${user.tenant_id}`);
  if (
    user.ou_id !== null &&
    !data.ous.some((o) => o.id === user.ou_id && o.tenant_id === user.tenant_id)
  )
    throw new ErrorAnswer(400, `ou_id: no OU ${user.ou_id} in tenant ${user.tenant_id}`);
}

/** Direct edits of ScaiKey users (soft-deleted ones included: `deleted_at` is theirs to set). */
export function scaikeyControlRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    const data = () => state.data.scaikey;
    const find = (id: string) => {
      const user = data().users.find((u) => u.id === id);
      if (!user) throw new ErrorAnswer(404, `no ScaiKey user ${id}`);
      return user;
    };

    app.get("/scaikey/users", async () => data().users);

    app.post("/scaikey/users", async (request, reply) => {
      const created = oneOrMany(request.body, (input) => {
        // The first tenant unless another is named.
        const defaults = { tenant_id: data().tenants[0]?.id };
        const user = parseControl(scaikeyUserSchema, { ...defaults, ...(input as object) });
        checkReferences(data(), user);
        if (data().users.some((u) => u.id === user.id))
          throw new ErrorAnswer(409, `user ${user.id} already exists`);
        data().users.push(user);
        return user;
      });
      return reply.code(201).send(created);
    });

    app.get<{ Params: UserParams }>("/scaikey/users/:id", async (request) =>
      find(request.params.id),
    );

    app.patch<{ Params: UserParams }>("/scaikey/users/:id", async (request) => {
      const user = find(request.params.id);
      const updated = parseControl(scaikeyUserSchema, {
        ...user,
        ...(request.body as object),
        id: user.id,
      });
      checkReferences(data(), updated);
      return Object.assign(user, updated);
    });

    app.delete<{ Params: UserParams }>("/scaikey/users/:id", async (request, reply) => {
      const user = find(request.params.id);
      data().users = data().users.filter((u) => u !== user);
      return reply.code(204).send();
    });
  };
}
