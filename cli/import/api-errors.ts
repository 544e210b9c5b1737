import type { SettingName } from "../../provider/config";
import { API_LABELS, ApiError, type ApiName } from "../../provider/errors";
import { InputError } from "../errors";
import type { CliSettings } from "./settings";

const CREDENTIALS: Record<ApiName, SettingName[]> = {
  asa: ["asaTeam", "asaKeyId", "asaKeySecret", "asaBaseUrl"],
  secureframe: ["secureframeApiKey", "secureframeApiSecret", "secureframeBaseUrl"],
  scaikey: ["scaikeyBaseUrl", "scaikeyClientId", "scaikeyClientSecret", "scaikeyTenant"],
};

/**
 * An API failure as the command reports it: the API's message (clients never put a secret in
 * it), and for a refusal the settings used, where each came from (values of non-secrets only),
 * and what to check. Anything else is returned as it is.
 */
export function explainApiError(error: unknown, settings: CliSettings): unknown {
  if (!(error instanceof ApiError)) return error;
  const refused = error.status === 401 || error.code === "invalid_client";
  const used = CREDENTIALS[error.api].map((name) => settings.describe(name)).join(", ");
  const label = API_LABELS[error.api];
  if (refused) {
    return new InputError(
      `${label} refused the credentials (${error.message}). Used: ${used}. Check them${error.api === "asa" ? " and the team's name (ASA answers 401 alike to a wrong key and a team that does not exist)" : ""}.`,
    );
  }
  if (error.status === 403) {
    return new InputError(
      `${label} does not let these credentials read what the import needs (${error.message}). Used: ${used}. Give them read access, or use other credentials.`,
    );
  }
  return new InputError(`${error.message}. Nothing was written; run the import again.`);
}
