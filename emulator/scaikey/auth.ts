import type { FastifyRequest } from "fastify";
import type { ScaikeyData } from "../data-schema";
import { ErrorAnswer } from "../error-answer";
import type { EmulatorState } from "../state";
import type { IssuedToken } from "../tokens";

export type ScaikeyToken = Extract<IssuedToken, { api: "scaikey" }>;

const tokens = new WeakMap<FastifyRequest, ScaikeyToken>();

/** Every user endpoint needs `Authorization: Bearer <access_token>`. */
export function scaikeyAuth(state: EmulatorState) {
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header) throw new ErrorAnswer(401, "Not authenticated");
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const token = bearer ? state.tokens.find(bearer, Date.now()) : undefined;
    if (token?.api !== "scaikey") throw new ErrorAnswer(401, "Invalid or expired token");
    tokens.set(request, token);
  };
}

/** The request's token, if it carries the scope the endpoint needs (else 403). */
export function requireScope(request: FastifyRequest, access: "read" | "write"): ScaikeyToken {
  const token = tokens.get(request);
  if (!token) throw new ErrorAnswer(401, "Not authenticated");
  const granted = (scope: string) => token.scopes.includes(scope);
  if (access === "read" && !granted("admin:read") && !granted("admin:write"))
    throw new ErrorAnswer(403, "This endpoint requires admin:read or admin:write scope");
  if (access === "write" && !granted("admin:write"))
    throw new ErrorAnswer(403, "This endpoint requires admin:write scope");
  return token;
}

export const canSee = (token: ScaikeyToken, tenantId: string) =>
  token.tenantId === null || token.tenantId === tenantId;

/** The tenant of a tenant-form path: 404 if unknown, 403 if the token belongs elsewhere. */
export function pathTenant(data: ScaikeyData, token: ScaikeyToken, tenantId: string) {
  const tenant = data.tenants.find((t) => t.id === tenantId);
  if (!tenant) throw new ErrorAnswer(404, "Tenant not found");
  if (!canSee(token, tenant.id)) throw new ErrorAnswer(403, "Not authorized for this tenant");
  return tenant;
}
