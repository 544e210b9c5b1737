import * as identity from "pulumi-identity";

// Shows which package version runs the providers and where each setting comes from.
const check = new identity.diagnostics.ProviderCheck("provider-check");
export const packageVersion = check.packageVersion;
export const settings = check.settings;
