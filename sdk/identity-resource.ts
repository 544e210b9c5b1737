import * as pulumi from "@pulumi/pulumi";
import { handleOf } from "../provider/resource/provider-handle";
import { type ResourceKind, typeTokenOf } from "../provider/resource/spec";
import { refusePlainCredentialSets } from "./plain-credential-sets";

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

/** What a resource class needs of its kind, from the kind's spec in provider/. */
export interface KindSpec {
  kind: string;
  module: string;
  type: string;
  /** The outputs schema, whose keys name the outputs. */
  outputs: { shape: object };
  secretOutputs: readonly string[];
}

/** The URN a resource of this package gets: what its hidden `__urn` input holds. */
export function resourceUrn(
  name: string,
  kind: string,
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.Output<string> {
  return pulumi.createUrn(name, typeTokenOf(kind), opts?.parent);
}

/**
 * A dynamic resource of this package. Its provider is the kind's handle (dist/provider/handles/,
 * by name), which Pulumi serializes as a `require()` of that file. Every output its kind names is
 * registered (the engine gives a resource only the output properties its inputs name, so the
 * others start undefined). Its inputs also carry its own URN (`__urn`, hidden from previews and
 * never compared): the dynamic-provider host does not tell providers which resource they work on,
 * and progress (long changes, rate-limit waits) shows on the resource's row only when the
 * provider can name it to the engine. A subclass may pass its own `__urn` (the same URN, held
 * back until a check of the program passes: see `asa.GroupMembership`).
 */
export abstract class IdentityResource extends pulumi.dynamic.Resource {
  constructor(
    spec: KindSpec,
    name: string,
    args: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    refusePlainCredentialSets();
    const handle = handleOf(spec.kind as ResourceKind);
    const outputs = Object.fromEntries(
      Object.keys(spec.outputs.shape).map((key) => [key, undefined]),
    );
    const urn = args.__urn ?? resourceUrn(name, spec.kind, opts);
    const secret = [...(opts?.additionalSecretOutputs ?? []), ...spec.secretOutputs];
    const options = secret.length > 0 ? { ...opts, additionalSecretOutputs: secret } : opts;
    super(handle, name, { ...outputs, ...args, __urn: urn }, options, spec.module, spec.type);
  }
}

/** The class of a resource with no behaviour of its own: its arguments go to the provider as given. */
export interface ResourceClass<ArgValues, Outputs> {
  new (
    name: string,
    args: InputArgs<ArgValues>,
    opts?: pulumi.CustomResourceOptions,
  ): IdentityResource & OutputsOf<Outputs>;
}

export function resourceClass<ArgValues, Outputs>(
  spec: KindSpec,
): ResourceClass<ArgValues, Outputs> {
  return class extends IdentityResource {
    constructor(name: string, args: InputArgs<ArgValues>, opts?: pulumi.CustomResourceOptions) {
      super(spec, name, args, opts);
    }
  } as unknown as ResourceClass<ArgValues, Outputs>;
}
