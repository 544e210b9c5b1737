import type { FastifyInstance } from "fastify";
import { instrumentApi } from "../api-traffic";
import { asaPrefix } from "../prefixes";
import type { EmulatorState } from "../state";
import { asaAuth } from "./auth";
import { useAsaErrors } from "./errors";
import { asaGroupRoutes } from "./group-routes";
import { asaTokenRoutes } from "./token-routes";
import { asaUserRoutes } from "./user-routes";

const unixSeconds = (ms: number) => String(Math.ceil(ms / 1000));

/** Okta Advanced Server Access, under `/asa` (its paths `/v1/teams/...` below). */
export function asaApi(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    instrumentApi(app, state, {
      api: "asa",
      prefix: asaPrefix,
      rateHeaders(reply, rate) {
        reply.header("X-RateLimit-Limit", String(rate.limit));
        reply.header("X-RateLimit-Remaining", String(rate.remaining));
        reply.header("X-RateLimit-Reset", unixSeconds(rate.resetAt));
      },
      limitedHeaders(reply, rate) {
        reply.header("X-RateLimit-Retry-At", unixSeconds(rate.resetAt));
      },
    });
    useAsaErrors(app);
    await app.register(asaTokenRoutes(state));
    await app.register(async (secured) => {
      secured.addHook("onRequest", asaAuth(state));
      await secured.register(asaUserRoutes(state));
      await secured.register(asaGroupRoutes(state));
    });
  };
}
