import { limitReader, missingSettingError, providerSetting, type SettingReader } from "../config";
import { chooseCredentials } from "../credential-sets/choose";
import { credentialSetKinds } from "../credential-sets/kinds";
import { SecureframeClient } from "./client";

/**
 * The API key of an account: its set in `identity:secureframeAccounts`, else (no account named)
 * the single `identity:secureframeApiKey`/`identity:secureframeApiSecret`. A key reaches one
 * company, so `account` is this package's name for a key pair, not Secureframe's.
 */
export function secureframeCredentials(read: SettingReader = providerSetting, account?: string) {
  const { values, described } = chooseCredentials(credentialSetKinds.secureframe, account, read);
  if (!values.apiKey) throw missingSettingError("secureframeApiKey");
  if (!values.apiSecret) throw missingSettingError("secureframeApiSecret");
  return { apiKey: values.apiKey, apiSecret: values.apiSecret, baseUrl: values.baseUrl, described };
}

/** A client with an account's API key and secret (base URL: Secureframe's US API unless set). */
export function secureframeClient(
  read: SettingReader = providerSetting,
  account?: string,
): SecureframeClient {
  const { apiKey, apiSecret, baseUrl, described } = secureframeCredentials(read, account);
  return new SecureframeClient({
    apiKey,
    apiSecret,
    ...(baseUrl ? { baseUrl } : {}),
    ...(described ? { credentials: described } : {}),
    limits: limitReader(read, "secureframe"),
  });
}
