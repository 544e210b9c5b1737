import { limitReader, missingSettingError, providerSetting, type SettingReader } from "../config";
import { chooseCredentials } from "../credential-sets/choose";
import { credentialSetKinds } from "../credential-sets/kinds";
import { ScaiKeyClient } from "./client";

/** The tenant resources use when they name none (`identity:scaikeyTenant`, else `SCAIKEY_TENANT`). */
export function defaultScaiKeyTenant(read: SettingReader = providerSetting): string | undefined {
  return read("scaikeyTenant")?.trim() || undefined;
}

/**
 * The OAuth client for a tenant: its set in `identity:scaikeyTenants`, else the single
 * `identity:scaikeyClientId`/`identity:scaikeyClientSecret`, which serve every other tenant (a
 * platform client can reach several).
 */
export function scaikeyCredentials(tenantId: string, read: SettingReader = providerSetting) {
  const { values, described } = chooseCredentials(credentialSetKinds.scaikey, tenantId, read);
  if (!values.clientId) throw missingSettingError("scaikeyClientId");
  if (!values.clientSecret) throw missingSettingError("scaikeyClientSecret");
  return { clientId: values.clientId, clientSecret: values.clientSecret, described };
}

/**
 * A client working in one tenant (`tnt_...`), with that tenant's OAuth client from the settings.
 * Tokens come from the platform token endpoint, which serves tenant applications too.
 */
export function scaikeyClient(
  tenantId?: string,
  read: SettingReader = providerSetting,
): ScaiKeyClient {
  const tenant = tenantId ?? defaultScaiKeyTenant(read);
  if (!tenant) throw missingSettingError("scaikeyTenant", " (or a tenantId on the resource)");
  const baseUrl = read("scaikeyBaseUrl");
  if (!baseUrl) throw missingSettingError("scaikeyBaseUrl");
  const { clientId, clientSecret, described } = scaikeyCredentials(tenant, read);
  return new ScaiKeyClient({
    baseUrl,
    clientId,
    clientSecret,
    tenantId: tenant,
    ...(described ? { credentials: described } : {}),
    limits: limitReader(read, "scaikey"),
  });
}
