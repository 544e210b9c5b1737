import { isDeepStrictEqual } from "node:util";
import type * as pulumi from "@pulumi/pulumi";
import type { PropertyMap } from "./check-inputs";
import { containsUnknown } from "./unknown";

export interface DiffSpec {
  /** The properties whose change is a change of the resource. Nothing else is compared, so the
   * engine's `__provider` (a new package version) and settings like `adopt` are never changes. */
  compare: readonly string[];
  /** Those of them that can only change by replacing the resource. */
  replaceOn?: readonly string[];
  /** Delete the old resource before creating its replacement (names that must stay unique). */
  deleteBeforeReplace?: boolean;
  /** Brings old (stored outputs) and new (checked inputs) values to one form before comparing. */
  normalize?: Partial<Record<string, (value: unknown) => unknown>>;
}

/** The properties of `compare` whose values differ; an unknown new value always counts. */
export function changedProperties(olds: PropertyMap, news: PropertyMap, spec: DiffSpec): string[] {
  return spec.compare.filter((key) => {
    if (containsUnknown(news[key])) return true;
    const normalize = spec.normalize?.[key] ?? ((value: unknown) => value);
    return !isDeepStrictEqual(normalize(olds[key]), normalize(news[key]));
  });
}

/**
 * `diff(id, olds, news)` for a dynamic provider. `olds` are the stored *outputs*, so every
 * compared property must be echoed in the outputs in the same normalised form check gives it.
 */
export function diffInputs(
  olds: PropertyMap,
  news: PropertyMap,
  spec: DiffSpec,
): pulumi.dynamic.DiffResult {
  const changed = changedProperties(olds, news, spec);
  const replaces = changed.filter((key) => spec.replaceOn?.includes(key));
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && (spec.deleteBeforeReplace ?? false),
  };
}
