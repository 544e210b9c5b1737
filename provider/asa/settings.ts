import { limitReader, missingSettingError, providerSetting, type SettingReader } from "../config";
import { AsaClient } from "./client";

/** The team resources use when they name none (`identity:asaTeam`, else `ASA_TEAM`). */
export function defaultAsaTeam(read: SettingReader = providerSetting): string | undefined {
  return read("asaTeam")?.trim().toLowerCase() || undefined;
}

/**
 * A client for one team, with the service user's key and the limits from the settings. The key
 * belongs to a team: a resource naming another team needs that team's key in the settings.
 */
export function asaClient(team?: string, read: SettingReader = providerSetting): AsaClient {
  const teamName = team ?? defaultAsaTeam(read);
  if (!teamName) throw missingSettingError("asaTeam", " (or a team on the resource)");
  const keyId = read("asaKeyId");
  if (!keyId) throw missingSettingError("asaKeyId");
  const keySecret = read("asaKeySecret");
  if (!keySecret) throw missingSettingError("asaKeySecret");
  const baseUrl = read("asaBaseUrl");
  return new AsaClient({
    team: teamName,
    keyId,
    keySecret,
    ...(baseUrl ? { baseUrl } : {}),
    limits: limitReader(read, "asa"),
  });
}
