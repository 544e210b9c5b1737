import type { FastifyInstance } from "fastify";
import { instrumentApi } from "../api-traffic";
import { scaikeyPrefix } from "../prefixes";
import type { EmulatorState } from "../state";
import { scaikeyAdminUserRoutes } from "./admin-user-routes";
import { scaikeyAuth } from "./auth";
import { useScaikeyErrors } from "./errors";
import { scaikeyOAuthRoutes } from "./oauth-routes";
import { scaikeyTenantUserRoutes } from "./tenant-user-routes";

/** ScaiKey, under `/scaikey` (its paths `/api/v1/...` below). */
export function scaikeyApi(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    instrumentApi(app, state, {
      api: "scaikey",
      prefix: scaikeyPrefix,
    });
    useScaikeyErrors(app);
    await app.register(scaikeyOAuthRoutes(state));
    await app.register(async (secured) => {
      secured.addHook("onRequest", scaikeyAuth(state));
      await secured.register(scaikeyTenantUserRoutes(state));
      await secured.register(scaikeyAdminUserRoutes(state));
    });
  };
}
