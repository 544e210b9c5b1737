import type * as pulumi from "@pulumi/pulumi";
import { withAccessErrors } from "./access-errors";
import { withResourceProgress } from "./resource/with-progress";

export { configure } from "./config";

// Loaded on first use, so a program that manages only Secureframe users never loads the ASA code.
const providers = {
  "diagnostics:ProviderCheck": () => require("./diagnostics/provider-check").providerCheckProvider,
  "asa:Group": () => require("./asa/group-provider").asaGroupProvider,
  "asa:GroupMembership": () =>
    require("./asa/group-membership-provider").asaGroupMembershipProvider,
  "asa:UserAttributes": () => require("./asa/user-attributes-provider").asaUserAttributesProvider,
  "asa:UserStatus": () => require("./asa/user-status-provider").asaUserStatusProvider,
  "secureframe:UserAttributes": () =>
    require("./secureframe/user-attributes-provider").secureframeUserAttributesProvider,
  "secureframe:UserStatus": () =>
    require("./secureframe/user-status-provider").secureframeUserStatusProvider,
  "scaikey:UserAttributes": () =>
    require("./scaikey/user-attributes-provider").scaikeyUserAttributesProvider,
  "scaikey:UserStatus": () => require("./scaikey/user-status-provider").scaikeyUserStatusProvider,
} satisfies Record<string, () => pulumi.dynamic.ResourceProvider>;

export type ResourceKind = keyof typeof providers;

/** How messages name a kind of resource, as programs write it: `asa:Group` → `asa.Group`. */
export function kindLabel(kind: ResourceKind): string {
  return kind.replace(":", ".");
}

const loaded = new Map<ResourceKind, pulumi.dynamic.ResourceProvider>();

export function providerFor(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  const load = providers[kind];
  if (!load) throw new Error(`pulumi-identity has no provider for ${kind}; upgrade the package.`);
  let provider = loaded.get(kind);
  if (!provider) {
    provider = withResourceProgress(kindLabel(kind), withAccessErrors(load()));
    loaded.set(kind, provider);
  }
  return provider;
}
