import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/** The namespaces of the package's resources, as programs write them (`asa.Group`). */
export type Module = "asa" | "secureframe" | "scaikey" | "diagnostics";

/** A resource's kind, `<module>:<Type>`: the one spelling the others come from. */
export type ResourceKind = `${Module}:${string}`;

/**
 * Everything one kind of resource is, in one place: its name, the arguments check validates, the
 * outputs its provider stores (parsed wherever they are read back), and the provider itself. The
 * registry finds a kind's spec by name (`asa:GroupMembership` → `provider/asa/group-membership.ts`),
 * so does the SDK class its handle (`dist/provider/handles/asa-group-membership.js`, written by
 * the build from the spec), and the class takes its output names and secret outputs from here.
 */
export interface ResourceSpec<
  Args extends z.ZodObject = z.ZodObject,
  Outputs extends z.ZodObject = z.ZodObject,
> {
  kind: ResourceKind;
  module: Module;
  type: string;
  /** How messages name the kind, as programs write it: `asa.GroupMembership`. */
  label: string;
  args: Args;
  outputs: Outputs;
  /** Outputs always stored encrypted (values found on the user, which may be personal). */
  secretOutputs: readonly string[];
  provider(): pulumi.dynamic.ResourceProvider;
}

export interface SpecOptions {
  secretOutputs?: readonly string[];
}

export function resourceSpec<Args extends z.ZodObject, Outputs extends z.ZodObject, Provider>(
  kind: ResourceKind,
  args: Args,
  outputs: Outputs,
  provider: Provider & (() => pulumi.dynamic.ResourceProvider),
  options: SpecOptions = {},
): ResourceSpec<Args, Outputs> & { provider: Provider } {
  const [module, type] = kind.split(":") as [Module, string];
  const label = kindLabel(kind);
  return { kind, module, type, label, args, outputs, provider, secretOutputs: [], ...options };
}

/** How messages name a kind: `asa:GroupMembership` → `asa.GroupMembership`. */
export function kindLabel(kind: ResourceKind): string {
  return kind.replace(":", ".");
}

/** The engine's type token of a dynamic resource: `pulumi-nodejs:dynamic/asa:GroupMembership`. */
export function typeTokenOf(kind: string): string {
  return `pulumi-nodejs:dynamic/${kind}`;
}

const KIND = /^(asa|secureframe|scaikey|diagnostics):([A-Z][A-Za-z]*)$/;

/** `GroupMembership` → `group-membership`. */
function fileName(type: string): string {
  return type.replace(/(?<=[a-z])([A-Z])/g, "-$1").toLowerCase();
}

/** Where the registry finds a kind's spec: `asa:GroupMembership` → `asa/group-membership`. */
export function specPathOf(kind: string): string | undefined {
  const match = KIND.exec(kind);
  return match ? `${match[1]}/${fileName(match[2] as string)}` : undefined;
}

/** The kind's handle, in dist/provider/handles/: `asa:GroupMembership` → `asa-group-membership`. */
export function handleNameOf(kind: string): string {
  const path = specPathOf(kind);
  if (!path) throw new Error(`${kind} is not a kind of this package`);
  return path.replace("/", "-");
}
