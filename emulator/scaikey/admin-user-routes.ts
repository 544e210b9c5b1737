import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { ApiError } from "../api-error";
import type { Query } from "../query";
import type { EmulatorState } from "../state";
import { canSee, requireScope } from "./auth";
import { missingField, parseScaikey, validationError } from "./errors";
import { queryBool } from "./query-params";
import { adminUserListQuery, listUsers, parseListQuery } from "./user-list";
import {
  createUser,
  disableMfa,
  findUser,
  identitySourceMismatches,
  passwordChanged,
  softDelete,
  unlockUser,
  updateUser,
  userCreateBody,
  userUpdateBody,
} from "./user-operations";
import { meta, userEnvelope, userGroups } from "./user-views";

type UserParams = { user_id: string };

const adminCreateBody = userCreateBody.extend({ tenant_id: z.string().nullable().optional() });
const adminPasswordBody = z.object({ new_password: z.string().min(8) });
const mismatchesQuery = z.object({
  tenant_id: z.string().optional(),
  fix: queryBool.default(false),
});

/** The platform administration API: `/api/v1/admin/users/...`, across the token's tenants. */
export function scaikeyAdminUserRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    const data = () => state.data.scaikey;
    const user = (request: FastifyRequest<{ Params: UserParams }>, access: "read" | "write") =>
      findUser(data(), requireScope(request, access), request.params.user_id);

    app.get("/api/v1/admin/users/", async (request) => {
      const token = requireScope(request, "read");
      const query = parseListQuery(adminUserListQuery, request.query as Query);
      const tenants = new Set(
        data()
          .tenants.filter(
            (t) =>
              canSee(token, t.id) &&
              (query.tenant_id === undefined || t.id === query.tenant_id) &&
              (query.partner_id === undefined || t.partner_id === query.partner_id),
          )
          .map((t) => t.id),
      );
      return listUsers(
        data(),
        data().users.filter((u) => tenants.has(u.tenant_id)),
        query,
      );
    });

    app.post("/api/v1/admin/users/", async (request, reply) => {
      const token = requireScope(request, "write");
      const body = parseScaikey(adminCreateBody, request.body, "body");
      const tenantId = body.tenant_id ?? token.tenantId;
      if (tenantId === null) throw validationError([missingField("body", "tenant_id")]);
      if (!data().tenants.some((t) => t.id === tenantId) || !canSee(token, tenantId))
        throw new ApiError(404, "Tenant not found");
      return reply.code(201).send(userEnvelope(data(), createUser(data(), tenantId, body)));
    });

    app.get("/api/v1/admin/users/identity-source/mismatches", async (request) => {
      requireScope(request, "read"); // FastAPI authenticates before it validates the query
      const { fix, tenant_id: tenantId } = parseListQuery(mismatchesQuery, request.query as Query);
      const token = requireScope(request, fix ? "write" : "read");
      const users = data().users.filter(
        (u) => canSee(token, u.tenant_id) && (tenantId === undefined || u.tenant_id === tenantId),
      );
      return { data: identitySourceMismatches(users, fix), meta: meta() };
    });

    app.get<{ Params: UserParams }>("/api/v1/admin/users/:user_id", async (request) =>
      userEnvelope(data(), user(request, "read")),
    );

    app.patch<{ Params: UserParams }>("/api/v1/admin/users/:user_id", async (request) => {
      const target = user(request, "write");
      updateUser(data(), target, parseScaikey(userUpdateBody, request.body, "body"));
      return userEnvelope(data(), target);
    });

    app.delete<{ Params: UserParams }>("/api/v1/admin/users/:user_id", async (request, reply) => {
      softDelete(user(request, "write"));
      return reply.code(204).send();
    });

    app.get<{ Params: UserParams }>("/api/v1/admin/users/:user_id/groups", async (request) => ({
      data: userGroups(data(), user(request, "read")),
      meta: meta(),
    }));

    app.post<{ Params: UserParams }>(
      "/api/v1/admin/users/:user_id/mfa/disable",
      async (request) => {
        const target = user(request, "write");
        disableMfa(target);
        return userEnvelope(data(), target);
      },
    );

    app.post<{ Params: UserParams }>(
      "/api/v1/admin/users/:user_id/reset-password",
      async (request) => {
        const target = user(request, "write");
        parseScaikey(adminPasswordBody, request.body, "body");
        passwordChanged(target);
        return userEnvelope(data(), target);
      },
    );

    app.post<{ Params: UserParams }>("/api/v1/admin/users/:user_id/unlock", async (request) => {
      const target = user(request, "write");
      unlockUser(target);
      return userEnvelope(data(), target);
    });
  };
}
