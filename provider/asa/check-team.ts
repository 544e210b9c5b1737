import type { CheckOutcome } from "../resource";
import { type DefaultScope, withDefaultScope } from "../users/default-scope";
import { defaultAsaTeam } from "./settings";

const teamScope: DefaultScope = {
  field: "team",
  setting: "asaTeam",
  what: "team",
  placeholder: "<team>",
  read: () => defaultAsaTeam(),
};

/** Fills in the team an ASA resource leaves out, from `identity:asaTeam` (else `ASA_TEAM`). */
export function withDefaultTeam(outcome: CheckOutcome): CheckOutcome {
  return withDefaultScope(outcome, teamScope);
}
