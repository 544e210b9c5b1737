import { type CheckOutcome, withFailure } from "../resource";
import { defaultAsaTeam } from "./settings";

/**
 * Fills in the team a resource leaves out, from `identity:asaTeam` (else `ASA_TEAM`), so the
 * stored inputs, the ID and every diff name the team for real.
 */
export function withDefaultTeam(outcome: CheckOutcome): CheckOutcome {
  if (outcome.inputs.team !== undefined) return outcome;
  const team = defaultAsaTeam();
  if (team) return { ...outcome, inputs: { ...outcome.inputs, team } };
  return withFailure(
    outcome,
    "team",
    "no team given and identity:asaTeam is not set; pass team, or set it with `pulumi config set identity:asaTeam <team>` or the environment variable ASA_TEAM",
  );
}
