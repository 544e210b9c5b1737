import Fastify, { type FastifyInstance } from "fastify";
import { asaApi } from "./asa";
import { controlApi } from "./control";
import { ErrorAnswer } from "./error-answer";
import { asaPrefix, controlPrefix, scaikeyPrefix, secureframePrefix } from "./prefixes";
import { scaikeyApi } from "./scaikey";
import { secureframeApi } from "./secureframe";
import type { EmulatorState } from "./state";

/** One Fastify server: the three APIs under their prefixes and the control API. */
export async function buildServer(
  state: EmulatorState,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    routerOptions: { ignoreTrailingSlash: true },
    // PUT /_emulator/data carries whole organisations.
    bodyLimit: 64 * 1024 * 1024,
  });

  // Lenient JSON: an empty body with a JSON content type is no body (clients send that on PUT
  // and DELETE); a body that does not parse is each API's own kind of 400 or 422.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    if (body === "") return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new ErrorAnswer(400, "the request body is not valid JSON", "invalid_json"), undefined);
    }
  });
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  await app.register(asaApi(state), { prefix: asaPrefix });
  await app.register(secureframeApi(state), { prefix: secureframePrefix });
  await app.register(scaikeyApi(state), { prefix: scaikeyPrefix });
  await app.register(controlApi(state), { prefix: controlPrefix });
  return app;
}
