import { limitReader, missingSettingError, providerSetting, type SettingReader } from "../config";
import { ScaiKeyClient } from "./client";

/** The tenant resources use when they name none (`identity:scaikeyTenant`, else `SCAIKEY_TENANT`). */
export function defaultScaiKeyTenant(read: SettingReader = providerSetting): string | undefined {
  return read("scaikeyTenant")?.trim() || undefined;
}

/**
 * A client working in one tenant (`tnt_...`), with the OAuth application's credentials from the
 * settings. Tokens come from the platform token endpoint, which serves tenant applications too.
 */
export function scaikeyClient(
  tenantId?: string,
  read: SettingReader = providerSetting,
): ScaiKeyClient {
  const tenant = tenantId ?? defaultScaiKeyTenant(read);
  if (!tenant) throw missingSettingError("scaikeyTenant", " (or a tenantId on the resource)");
  const baseUrl = read("scaikeyBaseUrl");
  if (!baseUrl) throw missingSettingError("scaikeyBaseUrl");
  const clientId = read("scaikeyClientId");
  if (!clientId) throw missingSettingError("scaikeyClientId");
  const clientSecret = read("scaikeyClientSecret");
  if (!clientSecret) throw missingSettingError("scaikeyClientSecret");
  return new ScaiKeyClient({
    baseUrl,
    clientId,
    clientSecret,
    tenantId: tenant,
    limits: limitReader(read, "scaikey"),
  });
}
