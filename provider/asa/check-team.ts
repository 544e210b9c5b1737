import { defaultScope } from "../users/default-scope";
import { asaKey, defaultAsaTeam } from "./configured-client";

/**
 * Fills in the team an ASA resource leaves out, from `identity:asaTeam` (else `ASA_TEAM`), and
 * fails when no key serves the team.
 */
export const withDefaultTeam = defaultScope({
  field: "team",
  setting: "asaTeam",
  read: defaultAsaTeam,
  requireCredentials: (team) => asaKey(team),
});
