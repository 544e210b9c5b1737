import { configNamespace, howToSet, type SettingName } from "../config";
import { type CheckOutcome, isKnownString, withFailure } from "../resource";

export interface DefaultScope {
  /** The argument a resource may leave out: `team`, `tenantId` (messages call it `team`, `tenant`). */
  field: string;
  /** The setting that provides it: `asaTeam`, `scaikeyTenant`. */
  setting: SettingName;
  /** The setting's value as the argument would hold it, if set. */
  read(): string | undefined;
  /** Throws when no credentials are configured for this value (checked at preview). */
  requireCredentials(value: string): void;
}

/**
 * A check step that fills in the scope (ASA's team, ScaiKey's tenant) a resource leaves out, from
 * its setting, so the stored inputs, the ID and every diff name it for real; without either, a
 * check failure saying both ways to give it. A scope given or filled in that no credentials serve
 * fails too, at preview.
 */
export function defaultScope(scope: DefaultScope): (outcome: CheckOutcome) => CheckOutcome {
  return (outcome) => withDefaultScope(outcome, scope);
}

function withDefaultScope(outcome: CheckOutcome, scope: DefaultScope): CheckOutcome {
  const given = outcome.inputs[scope.field];
  if (given !== undefined) return withCredentials(outcome, scope, given);
  const value = scope.read();
  if (value)
    return withCredentials(
      { ...outcome, inputs: { ...outcome.inputs, [scope.field]: value } },
      scope,
      value,
    );
  return withFailure(
    outcome,
    scope.field,
    // Stryker disable next-line Regex: no scope field holds "Id" but at its end
    `no ${scope.field.replace(/Id$/, "")} given and ${configNamespace}:${scope.setting} is not set; pass ${scope.field}, or set it with ${howToSet(scope.setting)}`,
  );
}

/** A failure on the scope's argument when no credentials serve it: at preview, not at the first call. */
function withCredentials(outcome: CheckOutcome, scope: DefaultScope, value: unknown): CheckOutcome {
  if (!isKnownString(value)) return outcome;
  if (outcome.failures.some((failure) => failure.property === scope.field)) return outcome;
  try {
    scope.requireCredentials(value);
    return outcome;
  } catch (err) {
    return withFailure(outcome, scope.field, (err as Error).message);
  }
}
