import type { FastifyInstance } from "fastify";
import { secureframeUserSchema } from "../data-schema";
import { ErrorAnswer } from "../error-answer";
import type { EmulatorState } from "../state";
import { oneOrMany, parseControl } from "./errors";

type UserParams = { id: string };

/** Direct edits of Secureframe users. */
export function secureframeControlRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    const users = () => state.data.secureframe.users;
    const find = (id: string) => {
      const user = users().find((u) => u.id === id);
      if (!user) throw new ErrorAnswer(404, `no Secureframe user ${id}`);
      return user;
    };

    app.get("/secureframe/users", async () => users());

    app.post("/secureframe/users", async (request, reply) => {
      const created = oneOrMany(request.body, (input) => {
        const user = parseControl(secureframeUserSchema, input);
        if (users().some((u) => u.id === user.id))
          throw new ErrorAnswer(409, `user ${user.id} already exists`);
        users().push(user);
        return user;
      });
      return reply.code(201).send(created);
    });

    app.get<{ Params: UserParams }>("/secureframe/users/:id", async (request) =>
      find(request.params.id),
    );

    app.patch<{ Params: UserParams }>("/secureframe/users/:id", async (request) => {
      const user = find(request.params.id);
      const patch = request.body as object;
      // `name` follows first and last names unless it is set too.
      const name =
        "name" in patch || !("first_name" in patch || "last_name" in patch) ? {} : { name: null };
      const updated = parseControl(secureframeUserSchema, {
        ...user,
        ...name,
        ...patch,
        id: user.id,
      });
      return Object.assign(user, updated);
    });

    app.delete<{ Params: UserParams }>("/secureframe/users/:id", async (request, reply) => {
      const user = find(request.params.id);
      state.data.secureframe.users = users().filter((u) => u !== user);
      return reply.code(204).send();
    });
  };
}
