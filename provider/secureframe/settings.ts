import { missingSettingError, providerSetting } from "../config";
import { SecureframeClient } from "./client";

type SecureframeSettingName = "secureframeApiKey" | "secureframeApiSecret" | "secureframeBaseUrl";

/** Where settings come from: the provider's stack config then environment, or a program's own. */
export type SecureframeSettingSource = (name: SecureframeSettingName) => string | undefined;

/** Inside Pulumi's dynamic-provider host: stack config given to `configure()`, then environment. */
export const providerSettings: SecureframeSettingSource = providerSetting;

/** A client with the API key and secret from the settings (base URL: Secureframe's US API unless set). */
export function secureframeClient(
  source: SecureframeSettingSource = providerSettings,
): SecureframeClient {
  const apiKey = source("secureframeApiKey");
  if (!apiKey) throw missingSettingError("secureframeApiKey");
  const apiSecret = source("secureframeApiSecret");
  if (!apiSecret) throw missingSettingError("secureframeApiSecret");
  const baseUrl = source("secureframeBaseUrl");
  return new SecureframeClient({ apiKey, apiSecret, ...(baseUrl ? { baseUrl } : {}) });
}
