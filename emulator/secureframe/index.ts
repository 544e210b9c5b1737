import type { FastifyInstance, FastifyRequest } from "fastify";
import { instrumentApi } from "../api-traffic";
import { ErrorAnswer, messageOf, statusOf } from "../error-answer";
import { secureframePrefix } from "../prefixes";
import type { EmulatorState } from "../state";
import { secureframeRoutes } from "./routes";

/** `Authorization: <API_KEY> <API_SECRET>`; a read-only key may not update. */
function secureframeAuth(state: EmulatorState) {
  return async (request: FastifyRequest) => {
    const [key, secret, extra] = (request.headers.authorization ?? "").split(" ");
    const apiKey = state.data.secureframe.api_keys.find(
      (k) => k.key === key && k.secret === secret,
    );
    if (!apiKey || extra !== undefined) throw new ErrorAnswer(401, "Authorization failed");
    if (apiKey.read_only && request.method !== "GET" && request.method !== "HEAD")
      throw new ErrorAnswer(403, "You are not authorized to perform this action");
  };
}

/** Secureframe, under `/secureframe` (its paths `/users...` below). */
export function secureframeApi(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    instrumentApi(app, state, {
      api: "secureframe",
      prefix: secureframePrefix,
    });
    // Secureframe's error body: `{"message": "..."}`.
    app.setErrorHandler((error, _request, reply) => {
      const status = statusOf(error);
      const message = messageOf(error, "Internal server error");
      reply.code(status).send({ message });
    });
    app.setNotFoundHandler((_request, reply) => {
      reply.code(404).send({ message: "Not found" });
    });
    app.addHook("onRequest", secureframeAuth(state));
    await app.register(secureframeRoutes(state));
  };
}
