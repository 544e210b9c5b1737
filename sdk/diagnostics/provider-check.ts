import * as pulumi from "@pulumi/pulumi";
import type { SettingName, SettingSource } from "../../provider/config";

import providerCheckHandle = require("../../provider/handles/diagnostics-provider-check");

/**
 * Reports, from inside Pulumi's dynamic-provider host, which pulumi-identity version runs the
 * providers and where each setting comes from (`config`, `environment` or `missing`; never a value).
 * Useful to check a CI pipeline's credentials before managing anything; `pulumi refresh` updates it.
 */
export class ProviderCheck extends pulumi.dynamic.Resource {
  declare readonly packageVersion: pulumi.Output<string>;
  declare readonly settings: pulumi.Output<Record<SettingName, SettingSource>>;

  constructor(name: string, opts?: pulumi.CustomResourceOptions) {
    super(
      providerCheckHandle,
      name,
      { packageVersion: undefined, settings: undefined },
      opts,
      "diagnostics",
      "ProviderCheck",
    );
  }
}
