import * as pulumi from "@pulumi/pulumi";

/** The public form of a value: each field, and each field of an object field, an Input. */
type InputValue<V> = V extends readonly unknown[]
  ? V
  : V extends object
    ? { [K in keyof V]: pulumi.Input<V[K]> }
    : V;

/** A resource's arguments as a program gives them: each value may be an Output. */
export type InputArgs<T> = { [K in keyof T]: pulumi.Input<InputValue<Exclude<T[K], undefined>>> };

/** A resource's outputs as its class shows them: every one is there (an optional one may hold undefined). */
export type OutputsOf<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/** What a resource class needs of its kind: its module, type and output names. */
export interface ResourceIdentity {
  module: string;
  type: string;
  /** The names of its outputs, from the kind's outputs schema. */
  outputs: readonly string[];
}

/** A kind's identity, from its spec in provider/ (whose outputs schema names the outputs). */
export function identityOf(spec: {
  module: string;
  type: string;
  outputs: { shape: object };
}): ResourceIdentity {
  return { module: spec.module, type: spec.type, outputs: Object.keys(spec.outputs.shape) };
}

/** The URN a resource of this package gets: what its hidden `__urn` input holds. */
export function resourceUrn(
  name: string,
  module: string,
  type: string,
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.Output<string> {
  return pulumi.createUrn(name, `pulumi-nodejs:dynamic/${module}:${type}`, opts?.parent);
}

/**
 * A dynamic resource of this package. Every output its kind names is registered (the engine
 * gives a resource only the output properties its inputs name, so the others start undefined).
 * Its inputs also carry its own URN (`__urn`, hidden from previews and never compared): the
 * dynamic-provider host does not tell providers which resource they work on, and progress (long
 * changes, rate-limit waits) shows on the resource's row only when the provider can name it to
 * the engine. A subclass may pass its own `__urn` (the same URN, held back until a check of the
 * program passes: see `asa.GroupMembership`).
 */
export abstract class IdentityResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    kind: ResourceIdentity,
    name: string,
    args: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const outputs = Object.fromEntries(kind.outputs.map((output) => [output, undefined]));
    const urn = args.__urn ?? resourceUrn(name, kind.module, kind.type, opts);
    super(provider, name, { ...outputs, ...args, __urn: urn }, opts, kind.module, kind.type);
  }
}

/** The options with these outputs added to the ones stored encrypted. */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  names: string[],
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...names] };
}
