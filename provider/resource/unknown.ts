/**
 * During a preview, an input that depends on a value not known yet (another resource's output)
 * reaches check and diff as this literal string, whatever the property's type (pulumi/pulumi#6310),
 * and can sit anywhere inside arrays and objects.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** Whether the value is a string known now: at preview, not one waiting on another resource. */
export function isKnownString(value: unknown): value is string {
  return typeof value === "string" && !isUnknown(value);
}

/** Whether the value is unknown or holds an unknown value at any depth. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  // An array's values are its elements.
  if (value !== null && typeof value === "object")
    return Object.values(value).some(containsUnknown);
  return false;
}
