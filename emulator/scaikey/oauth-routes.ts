import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ScaikeyData } from "../data-schema";
import { ErrorAnswer } from "../error-answer";
import type { EmulatorState } from "../state";

const tokenLifetimeSeconds = 3600;

type OAuthError = "invalid_request" | "invalid_client" | "unsupported_grant_type" | "invalid_scope";

/** RFC 6749 §5.2 error: 401 with a challenge when the client tried HTTP Basic, else 400. */
function oauthError(reply: FastifyReply, error: OAuthError, description: string, basic = false) {
  const status = error === "invalid_client" && basic ? 401 : 400;
  if (status === 401) reply.header("WWW-Authenticate", 'Basic realm="scaikey"');
  return reply
    .code(status)
    .header("Cache-Control", "no-store")
    .send({ error, error_description: description });
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or the form. */
function clientCredentials(request: FastifyRequest, form: Record<string, string>) {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    const part = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    return colon < 0
      ? { basic: true }
      : { basic: true, id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) };
  }
  return { basic: false, id: form.client_id, secret: form.client_secret };
}

function issueToken(
  state: EmulatorState,
  request: FastifyRequest,
  reply: FastifyReply,
  tenantSlug: string | null,
) {
  const data: ScaikeyData = state.data.scaikey;
  const form =
    request.body && typeof request.body === "object"
      ? (request.body as Record<string, string>)
      : {};
  if (!form.grant_type) return oauthError(reply, "invalid_request", "grant_type is required");
  if (form.grant_type !== "client_credentials")
    return oauthError(
      reply,
      "unsupported_grant_type",
      `grant_type ${form.grant_type} is not supported`,
    );

  const credentials = clientCredentials(request, form);
  const client = data.clients.find(
    (c) => c.client_id === credentials.id && c.client_secret === credentials.secret,
  );
  if (!client)
    return oauthError(reply, "invalid_client", "Client authentication failed", credentials.basic);

  let tenantId = client.tenant_id;
  if (tenantSlug !== null) {
    const tenant = data.tenants.find((t) => t.slug === tenantSlug);
    if (!tenant) throw new ErrorAnswer(404, "Tenant not found");
    if (client.tenant_id !== null && client.tenant_id !== tenant.id)
      return oauthError(
        reply,
        "invalid_client",
        "Client does not belong to this tenant",
        credentials.basic,
      );
    tenantId = tenant.id;
  }

  const requested = form.scope?.split(" ").filter(Boolean);
  const scopes = requested?.length ? requested : client.scopes;
  const refused = scopes.filter((s) => !(client.scopes as string[]).includes(s));
  if (refused.length > 0)
    return oauthError(
      reply,
      "invalid_scope",
      `Scope not allowed for this client: ${refused.join(" ")}`,
    );

  const accessToken = state.tokens.issue({
    api: "scaikey",
    clientId: client.client_id,
    tenantId,
    scopes,
    expiresAt: Date.now() + tokenLifetimeSeconds * 1000,
  });
  return reply
    .header("Cache-Control", "no-store")
    .header("Pragma", "no-cache")
    .send({
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: tokenLifetimeSeconds,
      scope: scopes.join(" "),
    });
}

/** The client-credentials token endpoints: platform apps, and tenant apps by tenant slug. A
 * tenant app may use either; its token only ever reaches its own tenant. */
export function scaikeyOAuthRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    app.post("/api/v1/platform/oauth/token", (request, reply) =>
      issueToken(state, request, reply, null),
    );
    app.post<{ Params: { slug: string } }>(
      "/api/v1/auth/tenants/:slug/oauth/token",
      (request, reply) => issueToken(state, request, reply, request.params.slug),
    );
  };
}
