import { configNamespace, readSetting, settings } from "../config";
import { AsaClient } from "./client";

type AsaSettingName = "asaTeam" | "asaKeyId" | "asaKeySecret" | "asaBaseUrl";

/** Where settings come from: the provider's stack config then environment, or a program's own. */
export type AsaSettingSource = (name: AsaSettingName) => string | undefined;

/** Inside Pulumi's dynamic-provider host: stack config given to `configure()`, then environment. */
export const providerSettings: AsaSettingSource = (name) => readSetting(name).value;

/** An error that names the config key and the environment variable, never a value. */
export function missingSetting(name: AsaSettingName, hint = ""): Error {
  const secret = settings[name].secret ? " --secret" : "";
  return new Error(
    `Missing ${configNamespace}:${name}${hint}: set it with \`pulumi config set${secret} ${configNamespace}:${name} <value>\` or the environment variable ${settings[name].env}.`,
  );
}

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
  if (!teamName) throw missingSetting("asaTeam", " (or a team on the resource)");
  const keyId = source("asaKeyId");
  if (!keyId) throw missingSetting("asaKeyId");
  const keySecret = source("asaKeySecret");
  if (!keySecret) throw missingSetting("asaKeySecret");
  const baseUrl = source("asaBaseUrl");
  return new AsaClient({ team: teamName, keyId, keySecret, ...(baseUrl ? { baseUrl } : {}) });
}
