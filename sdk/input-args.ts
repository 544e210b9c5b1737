import type * as pulumi from "@pulumi/pulumi";

type InputValue<V> = V extends readonly unknown[]
  ? V
  : V extends object
    ? { [K in keyof V]: pulumi.Input<V[K]> }
    : V;

/**
 * A resource's arguments as a program gives them, from the type its provider checks: each value,
 * and each field of an object value, may be an Output.
 */
export type InputArgs<T> = { [K in keyof T]: pulumi.Input<InputValue<T[K]>> };

/** The options with these outputs added to the ones stored encrypted. */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions | undefined,
  names: string[],
): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...names] };
}
