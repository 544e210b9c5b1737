import type * as pulumi from "@pulumi/pulumi";
import { secureframeUserProvider } from "./user-provider-base";
import { SecureframeUserStatusArgs } from "./user-status-inputs";
import { defaultSecureframeUserClients, type SecureframeUserClients } from "./user-target";

/** The provider of `secureframe.UserStatus`; `clients` is injectable for tests. */
export function userStatusProvider(
  clients: SecureframeUserClients = defaultSecureframeUserClients,
): pulumi.dynamic.ResourceProvider {
  return secureframeUserProvider({
    resource: "secureframe.UserStatus",
    args: SecureframeUserStatusArgs,
    fields: ["active"],
    clients,
    unrestorable: (_key, value) =>
      value === null ? "Secureframe's API cannot leave active unset" : undefined,
  });
}

export const secureframeUserStatusProvider = userStatusProvider();
