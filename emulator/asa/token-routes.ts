import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ErrorAnswer } from "../error-answer";
import type { EmulatorState } from "../state";
import { parseAsaBody } from "./errors";
import { asaTime, teamNamed } from "./team";

const tokenLifetimeMs = 60 * 60 * 1000;

// The seed's example body also carries `"roles": null`; other keys are ignored.
const serviceTokenBody = z.object({ key_id: z.string(), key_secret: z.string() });

export function asaTokenRoutes(state: EmulatorState) {
  return async (app: FastifyInstance) => {
    app.post<{ Params: { team_name: string } }>(
      "/v1/teams/:team_name/service_token",
      async (request) => {
        const body = parseAsaBody(serviceTokenBody, request.body);
        // An unknown team is the same 401 as a wrong key.
        const team = teamNamed(state.data, request.params.team_name);
        const key = team?.service_keys.find(
          (k) => k.key_id === body.key_id && k.key_secret === body.key_secret,
        );
        if (!team || !key) throw new ErrorAnswer(401, "invalid API key");
        const user = team.users.find((u) => u.name === key.service_user);
        if (user?.status !== "ACTIVE")
          throw new ErrorAnswer(401, `service user ${key.service_user} is not active`);
        const expiresAt = Date.now() + tokenLifetimeMs;
        const bearer = state.tokens.issue({
          api: "asa",
          team: team.name,
          serviceUser: key.service_user,
          expiresAt,
        });
        return {
          bearer_token: bearer,
          expires_at: asaTime(new Date(expiresAt)),
          team_name: team.name,
        };
      },
    );
  };
}
