import { limitReader, missingSettingError, providerSetting, type SettingReader } from "../config";
import { chooseCredentials } from "../credential-sets/choose";
import { credentialSetKinds } from "../credential-sets/kinds";
import { AsaClient } from "./client";

/** The team resources use when they name none (`identity:asaTeam`, else `ASA_TEAM`). */
export function defaultAsaTeam(read: SettingReader = providerSetting): string | undefined {
  return read("asaTeam")?.trim().toLowerCase() || undefined;
}

/**
 * The service user's key for a team: the team's set in `identity:asaTeams`, else the single
 * `identity:asaKeyId`/`identity:asaKeySecret`, which serve `identity:asaTeam` (any team while
 * neither that nor any set is configured). A key belongs to one team, so any other team fails.
 */
export function asaKey(team: string, read: SettingReader = providerSetting) {
  const { values, described } = chooseCredentials(credentialSetKinds.asa, team, read);
  if (!values.keyId) throw missingSettingError("asaKeyId");
  if (!values.keySecret) throw missingSettingError("asaKeySecret");
  return { keyId: values.keyId, keySecret: values.keySecret, described };
}

/** A client for one team, with that team's key and the limits from the settings. */
export function asaClient(team?: string, read: SettingReader = providerSetting): AsaClient {
  const teamName = team ?? defaultAsaTeam(read);
  if (!teamName) throw missingSettingError("asaTeam", " (or a team on the resource)");
  const { keyId, keySecret, described } = asaKey(teamName, read);
  const baseUrl = read("asaBaseUrl");
  return new AsaClient({
    team: teamName,
    keyId,
    keySecret,
    ...(baseUrl ? { baseUrl } : {}),
    ...(described ? { credentials: described } : {}),
    limits: limitReader(read, "asa"),
  });
}
