import type { FastifyInstance } from "fastify";
import { faultsSchema } from "../faults";
import { settingsSchema } from "../settings";
import type { EmulatorState } from "../state";
import { asaControlRoutes } from "./asa-routes";
import { parseControl, useControlErrors } from "./errors";
import { scaikeyControlRoutes } from "./scaikey-routes";
import { secureframeControlRoutes } from "./secureframe-routes";

/** The control API under `/_emulator`. Its requests are neither counted nor logged. */
export function controlApi(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    useControlErrors(app);

    app.post("/reset", async (_request, reply) => {
      state.reset();
      return reply.code(204).send();
    });

    app.get("/data", async () => state.data);
    app.put("/data", async (request, reply) => {
      state.load(request.body);
      return reply.code(204).send();
    });

    app.get("/counters", async () => state.traffic.snapshotCounters());
    app.get("/statuses", async () => state.traffic.snapshotStatuses());
    app.delete("/counters", async (_request, reply) => {
      state.traffic.clearCounters();
      return reply.code(204).send();
    });

    app.get("/requests", async () => state.traffic.requests());
    app.delete("/requests", async (_request, reply) => {
      state.traffic.clearRequests();
      return reply.code(204).send();
    });

    app.get("/faults", async () => state.faults.current);
    app.put("/faults", async (request) => {
      state.faults.set(parseControl(faultsSchema, request.body ?? {}));
      return state.faults.current;
    });
    app.delete("/faults", async (_request, reply) => {
      state.faults.set({});
      return reply.code(204).send();
    });

    app.post("/tokens/expire", async (_request, reply) => {
      state.tokens.expireAll();
      return reply.code(204).send();
    });

    app.get("/settings", async () => state.settings);
    app.put("/settings", async (request) => {
      state.settings = parseControl(settingsSchema, request.body ?? {});
      return state.settings;
    });

    await app.register(asaControlRoutes(state));
    await app.register(secureframeControlRoutes(state));
    await app.register(scaikeyControlRoutes(state));
  };
}
