import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/** The namespaces of the package's resources, as programs write them (`asa.Group`). */
export type Module = "asa" | "secureframe" | "scaikey" | "diagnostics";

/** A resource's kind, `<module>:<Type>`, as handles and the registry name it. */
export type ResourceKind = `${Module}:${string}`;

/**
 * Everything one kind of resource is, in one place: its name, the arguments check validates, the
 * outputs its provider stores (parsed wherever they are read back), and the provider itself. The
 * registry finds a kind's spec by name (`asa:GroupMembership` → `provider/asa/group-membership.ts`),
 * the handle that Pulumi serializes names the kind, and the SDK class takes its output names from
 * the outputs schema.
 */
export interface ResourceSpec<
  Args extends z.ZodObject = z.ZodObject,
  Outputs extends z.ZodObject = z.ZodObject,
> {
  module: Module;
  type: string;
  args: Args;
  outputs: Outputs;
  provider(): pulumi.dynamic.ResourceProvider;
}

/** `asa:GroupMembership`. */
export function kindOf(spec: Pick<ResourceSpec, "module" | "type">): ResourceKind {
  return `${spec.module}:${spec.type}`;
}

/** How messages name a kind, as programs write it: `asa:GroupMembership` → `asa.GroupMembership`. */
export function kindLabel(kind: ResourceKind): string {
  return kind.replace(":", ".");
}

/** How messages name the spec's kind: `asa.GroupMembership`. */
export function labelOf(spec: Pick<ResourceSpec, "module" | "type">): string {
  return kindLabel(kindOf(spec));
}

/** The engine's type token of a dynamic resource: `pulumi-nodejs:dynamic/asa:GroupMembership`. */
export function typeTokenOf(spec: Pick<ResourceSpec, "module" | "type">): string {
  return `pulumi-nodejs:dynamic/${spec.module}:${spec.type}`;
}

/** Where the registry finds a kind's spec: `asa:GroupMembership` → `asa/group-membership`. */
export function specPathOf(kind: ResourceKind): string | undefined {
  const match = /^(asa|secureframe|scaikey|diagnostics):([A-Z][A-Za-z]*)$/.exec(kind);
  if (!match) return undefined;
  const file = (match[2] as string).replace(/(?<=[a-z])([A-Z])/g, "-$1").toLowerCase();
  return `${match[1]}/${file}`;
}

export function resourceSpec<Args extends z.ZodObject, Outputs extends z.ZodObject>(
  spec: ResourceSpec<Args, Outputs>,
): ResourceSpec<Args, Outputs> {
  return spec;
}
