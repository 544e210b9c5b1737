import { configNamespace, howToSet, type SettingName } from "../config";
import { type CheckOutcome, withFailure } from "../resource";

export interface DefaultScope {
  /** The argument a resource may leave out: `team`, `tenantId`. */
  field: string;
  /** The setting that provides it: `asaTeam`, `scaikeyTenant`. */
  setting: SettingName;
  /** How messages call it: `team`, `tenant`. */
  what: string;
  /** How to write one in `pulumi config set`: `<team>`, `tnt_...`. */
  placeholder: string;
  /** The setting's value as the argument would hold it, if set. */
  read(): string | undefined;
}

/**
 * Fills in the scope (ASA's team, ScaiKey's tenant) a resource leaves out, from its setting, so
 * the stored inputs, the ID and every diff name it for real; without either, a check failure
 * saying both ways to give it.
 */
export function withDefaultScope(outcome: CheckOutcome, scope: DefaultScope): CheckOutcome {
  if (outcome.inputs[scope.field] !== undefined) return outcome;
  const value = scope.read();
  if (value) return { ...outcome, inputs: { ...outcome.inputs, [scope.field]: value } };
  return withFailure(
    outcome,
    scope.field,
    `no ${scope.what} given and ${configNamespace}:${scope.setting} is not set; pass ${scope.field}, or set it with ${howToSet(scope.setting, scope.placeholder)}`,
  );
}
