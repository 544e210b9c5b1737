import type { FastifyRequest } from "fastify";
import { ErrorAnswer } from "../error-answer";
import type { EmulatorState } from "../state";

/** Every ASA call but the token exchange needs `Authorization: Bearer <token>` for its team. */
export function asaAuth(state: EmulatorState) {
  return async (request: FastifyRequest) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
    if (!match?.[1])
      throw new ErrorAnswer(401, "an Authorization: Bearer <token> header is required");
    const token = state.tokens.find(match[1], Date.now());
    if (token?.api !== "asa")
      throw new ErrorAnswer(401, "the bearer token is invalid or has expired");
    const team = (request.params as { team_name?: string }).team_name;
    if (team !== undefined && team.toLowerCase() !== token.team.toLowerCase())
      throw new ErrorAnswer(403, `the token was issued for team ${token.team}, not ${team}`);
  };
}
