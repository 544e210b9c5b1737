import * as pulumi from "@pulumi/pulumi";

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
 * A dynamic resource of this package. Its inputs also carry its own URN (`__urn`, hidden from
 * previews and never compared): the dynamic-provider host does not tell providers which resource
 * they work on, and progress (long changes, rate-limit waits) shows on the resource's row only
 * when the provider can name it to the engine. A subclass may pass its own `__urn` (the same URN,
 * held back until a check of the program passes: see `asa.GroupMembership`).
 */
export abstract class IdentityResource extends pulumi.dynamic.Resource {
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    module: string,
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const urn = props.__urn ?? resourceUrn(name, module, type, opts);
    super(provider, name, { ...props, __urn: urn }, opts, module, type);
  }
}
