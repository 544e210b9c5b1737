import type * as pulumi from "@pulumi/pulumi";
import { withAccessErrors } from "./access-errors";
import { kindLabel, type ResourceKind, type ResourceSpec, specPathOf } from "./resource/spec";
import { withResourceProgress } from "./resource/with-progress";
import { ProcessWide } from "./transport/process-wide";

export { configure } from "./config";
export { kindLabel, type ResourceKind };

/**
 * The spec of a kind, found by its name (`asa:GroupMembership` → `./asa/group-membership`) and
 * loaded on first use, so a program that manages only Secureframe users never loads the ASA code.
 */
export function specFor(kind: ResourceKind): ResourceSpec | undefined {
  const path = specPathOf(kind);
  // Stryker disable next-line ConditionalExpression: require("./undefined") is not found either
  if (!path) return undefined;
  let module: { spec?: ResourceSpec };
  try {
    module = require(`./${path}`);
  } catch (err) {
    // No such file: no such kind (a module it imports missing is a real failure).
    const missing = (err as { code?: string; message?: string }).code === "MODULE_NOT_FOUND";
    if (missing && (err as Error).message.includes(`'./${path}'`)) return undefined;
    throw err;
  }
  // Stryker disable next-line ConditionalExpression: no module holds another kind's spec (a safeguard)
  return module.spec?.kind === kind ? module.spec : undefined;
}

const loaded = new ProcessWide<ResourceKind, pulumi.dynamic.ResourceProvider>();

export function providerFor(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  return loaded.get(kind, () => {
    const spec = specFor(kind);
    if (!spec) throw new Error(`pulumi-identity has no provider for ${kind}; upgrade the package.`);
    return withResourceProgress(spec.label, withAccessErrors(spec.provider()));
  });
}
