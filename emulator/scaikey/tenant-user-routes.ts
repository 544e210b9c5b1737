import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { ApiError } from "../api-error";
import { type Query, queryValue } from "../query";
import type { EmulatorState } from "../state";
import { pathTenant, requireScope } from "./auth";
import { missingField, parseScaikey, validationError } from "./errors";
import { listUsers, parseListQuery, userListQuery } from "./user-list";
import {
  createUser,
  findUser,
  passwordChanged,
  setStatus,
  softDelete,
  updateUser,
  userCreateBody,
  userStatusBody,
  userUpdateBody,
} from "./user-operations";
import { meta, userEnvelope } from "./user-views";

type TenantParams = { tenant_id: string };
type UserParams = TenantParams & { user_id: string };

// `method` is a plain string in the seed (default EMAIL): any string passes validation, and one
// that is neither EMAIL nor DIRECT is refused by the handler (400), not by pydantic (422).
const passwordResetBody = z.object({
  method: z.string().default("EMAIL"),
  new_password: z.string().min(8).nullable().optional(),
  redirect_uri: z.string().nullable().optional(),
});

/** The tenant directory: `/api/v1/tenants/{tenant_id}/users...`. */
export function scaikeyTenantUserRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    const data = () => state.data.scaikey;

    app.get<{ Params: TenantParams }>("/api/v1/tenants/:tenant_id/users", async (request) => {
      const token = requireScope(request, "read");
      const tenant = pathTenant(data(), token, request.params.tenant_id);
      const query = parseListQuery(userListQuery, request.query as Query);
      return listUsers(
        data(),
        data().users.filter((u) => u.tenant_id === tenant.id),
        query,
      );
    });

    app.post<{ Params: TenantParams }>(
      "/api/v1/tenants/:tenant_id/users",
      async (request, reply) => {
        const token = requireScope(request, "write");
        const tenant = pathTenant(data(), token, request.params.tenant_id);
        const body = parseScaikey(userCreateBody, request.body, "body");
        return reply.code(201).send(userEnvelope(data(), createUser(data(), tenant.id, body)));
      },
    );

    const user = (request: FastifyRequest<{ Params: UserParams }>, access: "read" | "write") => {
      const token = requireScope(request, access);
      const tenant = pathTenant(data(), token, request.params.tenant_id);
      return findUser(data(), token, request.params.user_id, tenant.id);
    };

    app.get<{ Params: UserParams }>("/api/v1/tenants/:tenant_id/users/:user_id", async (request) =>
      userEnvelope(data(), user(request, "read")),
    );

    app.patch<{ Params: UserParams }>(
      "/api/v1/tenants/:tenant_id/users/:user_id",
      async (request) => {
        const target = user(request, "write");
        updateUser(data(), target, parseScaikey(userUpdateBody, request.body, "body"));
        return userEnvelope(data(), target);
      },
    );

    app.delete<{ Params: UserParams }>(
      "/api/v1/tenants/:tenant_id/users/:user_id",
      async (request, reply) => {
        const confirmEmail = queryValue(request.query as Query, "confirm_email");
        if (confirmEmail === undefined)
          throw validationError([missingField("query", "confirm_email")]);
        const target = user(request, "write");
        if (confirmEmail.toLowerCase() !== target.email.toLowerCase())
          throw new ApiError(400, "confirm_email does not match the user's email");
        softDelete(target);
        return reply.code(204).send();
      },
    );

    app.post<{ Params: UserParams }>(
      "/api/v1/tenants/:tenant_id/users/:user_id/password/reset",
      async (request) => {
        const target = user(request, "write");
        const body = parseScaikey(passwordResetBody, request.body, "body");
        if (body.method !== "EMAIL" && body.method !== "DIRECT")
          throw new ApiError(400, `Unknown reset method ${body.method}; use EMAIL or DIRECT`);
        if (body.method === "DIRECT" && !body.new_password)
          throw new ApiError(400, "new_password is required when method is DIRECT");
        if (body.method === "DIRECT") passwordChanged(target);
        return {
          data: {
            user_id: target.id,
            method: body.method,
            message:
              body.method === "EMAIL"
                ? `A password reset email was sent to ${target.email}`
                : "The password was changed",
          },
          meta: meta(),
        };
      },
    );

    app.put<{ Params: UserParams }>(
      "/api/v1/tenants/:tenant_id/users/:user_id/status",
      async (request) => {
        const target = user(request, "write");
        setStatus(target, parseScaikey(userStatusBody, request.body, "body"));
        return userEnvelope(data(), target);
      },
    );
  };
}
