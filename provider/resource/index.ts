export {
  type CheckOutcome,
  checkInputs,
  forEngine,
  type PropertyMap,
  programInputs,
  quote,
  withFailure,
} from "./check-inputs";
export { changedProperties, type DiffSpec, diffInputs } from "./diff-inputs";
export { sortedUnique } from "./normalize";
export { withoutUndefined } from "./outputs";
export { PartialFailure } from "./partial-failure";
export { joinId, splitId } from "./resource-id";
export { containsUnknown, isKnownString, isUnknown, UNKNOWN } from "./unknown";
