import type * as pulumi from "@pulumi/pulumi";
import { spec } from "../../provider/diagnostics/provider-check";
import type { Check, Same, SpecOutputs } from "../../provider/resource/same-type";
import { IdentityResource, type OutputsOf } from "../identity-resource";

/** Where a setting's value came from, as the providers see it (never a value). */
export type SettingSource = "config" | "environment" | "missing";

export interface ProviderCheckOutputs {
  /** The pulumi-identity version the providers run. */
  packageVersion: string;
  /** Each setting (`asaKeySecret`, `scaikeyRateLimit`, ...) and where it comes from. */
  settings: Record<string, SettingSource>;
}

export interface ProviderCheck extends OutputsOf<ProviderCheckOutputs> {}

/**
 * Reports, from inside Pulumi's dynamic-provider host, which pulumi-identity version runs the
 * providers and where each setting comes from (`config`, `environment` or `missing`; never a value).
 * Useful to check a CI pipeline's credentials before managing anything; `pulumi refresh` updates it.
 */
export class ProviderCheck extends IdentityResource {
  constructor(name: string, opts?: pulumi.CustomResourceOptions) {
    super(spec, name, {}, opts);
  }
}

// Type-checked, never run, left out of the published declarations: the outputs are the spec's.
type _Proofs = [Check<Same<ProviderCheckOutputs, SpecOutputs<typeof spec>>>];
