import type { CheckOutcome } from "../resource";
import { type DefaultScope, withDefaultScope } from "../users/default-scope";
import { asaKey, defaultAsaTeam } from "./configured-client";

const teamScope: DefaultScope = {
  field: "team",
  setting: "asaTeam",
  what: "team",
  placeholder: "<team>",
  read: () => defaultAsaTeam(),
  requireCredentials: (team) => asaKey(team.toLowerCase()),
};

/**
 * Fills in the team an ASA resource leaves out, from `identity:asaTeam` (else `ASA_TEAM`), and
 * fails when no key serves the team.
 */
export function withDefaultTeam(outcome: CheckOutcome): CheckOutcome {
  return withDefaultScope(outcome, teamScope);
}
