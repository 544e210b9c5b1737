import { limitReader, missingSettingError, providerSetting, type SettingReader } from "../config";
import { SecureframeClient } from "./client";

/** A client with the API key and secret from the settings (base URL: Secureframe's US API unless set). */
export function secureframeClient(read: SettingReader = providerSetting): SecureframeClient {
  const apiKey = read("secureframeApiKey");
  if (!apiKey) throw missingSettingError("secureframeApiKey");
  const apiSecret = read("secureframeApiSecret");
  if (!apiSecret) throw missingSettingError("secureframeApiSecret");
  const baseUrl = read("secureframeBaseUrl");
  return new SecureframeClient({
    apiKey,
    apiSecret,
    ...(baseUrl ? { baseUrl } : {}),
    limits: limitReader(read, "secureframe"),
  });
}
