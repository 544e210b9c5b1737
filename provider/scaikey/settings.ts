import { missingSettingError, providerSetting } from "../config";
import { ScaiKeyClient } from "./client";

type ScaiKeySettingName =
  | "scaikeyBaseUrl"
  | "scaikeyClientId"
  | "scaikeyClientSecret"
  | "scaikeyTenant";

/** Where settings come from: the provider's stack config then environment, or a program's own. */
export type ScaiKeySettingSource = (name: ScaiKeySettingName) => string | undefined;

/** Inside Pulumi's dynamic-provider host: stack config given to `configure()`, then environment. */
export const providerSettings: ScaiKeySettingSource = providerSetting;

/** The tenant resources use when they name none (`identity:scaikeyTenant`, else `SCAIKEY_TENANT`). */
export function defaultScaiKeyTenant(
  source: ScaiKeySettingSource = providerSettings,
): string | undefined {
  return source("scaikeyTenant")?.trim() || undefined;
}

/**
 * A client working in one tenant (`tnt_...`), with the OAuth application's credentials from the
 * settings. Tokens come from the platform token endpoint, which serves tenant applications too.
 */
export function scaikeyClient(
  tenantId?: string,
  source: ScaiKeySettingSource = providerSettings,
): ScaiKeyClient {
  const tenant = tenantId ?? defaultScaiKeyTenant(source);
  if (!tenant) throw missingSettingError("scaikeyTenant", " (or a tenantId on the resource)");
  const baseUrl = source("scaikeyBaseUrl");
  if (!baseUrl) throw missingSettingError("scaikeyBaseUrl");
  const clientId = source("scaikeyClientId");
  if (!clientId) throw missingSettingError("scaikeyClientId");
  const clientSecret = source("scaikeyClientSecret");
  if (!clientSecret) throw missingSettingError("scaikeyClientSecret");
  return new ScaiKeyClient({ baseUrl, clientId, clientSecret, tenantId: tenant });
}
