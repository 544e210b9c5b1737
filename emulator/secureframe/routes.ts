import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "../api-error";
import type { SecureframeUser } from "../data-schema";
import { secureframePrefix } from "../prefixes";
import { type Query, queryValue } from "../query";
import type { EmulatorState } from "../state";
import { compileLucene, LuceneFieldError, LuceneSyntaxError } from "./lucene";
import { applyUpdateParams } from "./update-params";

// The filters the seed document lists for `q`.
const filterableFields = new Set([
  "active",
  "department_id",
  "email",
  "employee_type",
  "end_date",
  "first_name",
  "id",
  "in_audit_scope",
  "invited",
  "invited_at",
  "last_name",
  "name",
  "onboarding_status",
  "personnel_status",
  "preferred_first_name",
  "secureframe_agent_acknowledged_at",
  "start_date",
  "title",
]);
const maxPerPage = 100;

/** JSON:API-style resource object. */
function resource(request: FastifyRequest, user: SecureframeUser) {
  const base = `${request.protocol}://${request.host}${secureframePrefix}`;
  return {
    id: user.id,
    type: "user",
    attributes: user,
    relationships: {},
    links: { self: `${base}/users/${user.id}` },
  };
}

function positiveInt(value: string | undefined, fallback: number): number {
  const number = Number.parseInt(value ?? "", 10);
  return Number.isNaN(number) || number < 1 ? fallback : number;
}

function findUser(state: EmulatorState, id: string): SecureframeUser {
  const user = state.data.secureframe.users.find((u) => u.id === id);
  if (!user) throw new ApiError(404, `Couldn't find User with 'id'=${id}`);
  return user;
}

export function secureframeRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    app.get("/users", async (request) => {
      const query = request.query as Query;
      const perPage = Math.min(positiveInt(queryValue(query, "per_page"), maxPerPage), maxPerPage);
      const page = positiveInt(queryValue(query, "page"), 1);
      let users = state.data.secureframe.users;
      const q = queryValue(query, "q");
      if (q?.trim()) {
        try {
          const predicate = compileLucene(q, filterableFields);
          users = users.filter((u) => predicate(u));
        } catch (error) {
          if (error instanceof LuceneFieldError)
            throw new ApiError(400, `User is not filterable by ${error.field}`);
          if (error instanceof LuceneSyntaxError)
            throw new ApiError(400, `Invalid query: ${error.message}`);
          throw error;
        }
      }
      const list = users
        .slice((page - 1) * perPage, page * perPage)
        .map((u) => resource(request, u));
      switch (state.settings.secureframe.listShape) {
        case "data":
          return { data: list };
        case "array":
          return list;
        case "openapi":
          return list.map((data) => ({ data, included: [] }));
      }
    });

    // One object: `{"data": ..., "includes": {}}`, as the seed's sample shows.
    app.get<{ Params: { id: string } }>("/users/:id", async (request) => ({
      data: resource(request, findUser(state, request.params.id)),
      includes: {},
    }));

    app.put<{ Params: { id: string } }>("/users/:id", async (request) => {
      const user = findUser(state, request.params.id);
      applyUpdateParams(user, request.query as Query);
      return { data: resource(request, user), includes: {} };
    });
  };
}
