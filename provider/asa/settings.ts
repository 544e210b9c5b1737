import { missingSettingError, providerSetting } from "../config";
import { AsaClient } from "./client";

type AsaSettingName = "asaTeam" | "asaKeyId" | "asaKeySecret" | "asaBaseUrl";

/** Where settings come from: the provider's stack config then environment, or a program's own. */
export type AsaSettingSource = (name: AsaSettingName) => string | undefined;

/** Inside Pulumi's dynamic-provider host: stack config given to `configure()`, then environment. */
export const providerSettings: AsaSettingSource = providerSetting;

/** The team resources use when they name none (`identity:asaTeam`, else `ASA_TEAM`). */
export function defaultAsaTeam(source: AsaSettingSource = providerSettings): string | undefined {
  return source("asaTeam")?.trim().toLowerCase() || undefined;
}

/**
 * A client for one team, with the service user's key from the settings. The key belongs to a
 * team: a resource naming another team needs that team's key in the settings.
 */
export function asaClient(team?: string, source: AsaSettingSource = providerSettings): AsaClient {
  const teamName = team ?? defaultAsaTeam(source);
  if (!teamName) throw missingSettingError("asaTeam", " (or a team on the resource)");
  const keyId = source("asaKeyId");
  if (!keyId) throw missingSettingError("asaKeyId");
  const keySecret = source("asaKeySecret");
  if (!keySecret) throw missingSettingError("asaKeySecret");
  const baseUrl = source("asaBaseUrl");
  return new AsaClient({ team: teamName, keyId, keySecret, ...(baseUrl ? { baseUrl } : {}) });
}
