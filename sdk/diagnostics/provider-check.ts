import type * as pulumi from "@pulumi/pulumi";
import type { SettingName, SettingSource } from "../../provider/config";
import { IdentityResource } from "../identity-resource";

import providerCheckHandle = require("../../provider/handles/diagnostics-provider-check");

/**
 * Reports, from inside Pulumi's dynamic-provider host, which pulumi-identity version runs the
 * providers and where each setting comes from (`config`, `environment` or `missing`; never a value).
 * Useful to check a CI pipeline's credentials before managing anything; `pulumi refresh` updates it.
 */
export class ProviderCheck extends IdentityResource {
  declare readonly packageVersion: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<Record<SettingName, SettingSource>>;

  constructor(name: string, opts?: pulumi.CustomResourceOptions) {
    super(
      providerCheckHandle,
      "diagnostics",
      "ProviderCheck",
      name,
      { packageVersion: undefined, settings: undefined },
      opts,
    );
  }
}
