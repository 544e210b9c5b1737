import { explainAccessError } from "../../provider/access-errors";
import { ApiError } from "../../provider/errors";
import { InputError } from "../errors";

/**
 * An API failure as the import reports it (exit 1): a refusal explained as the providers explain
 * it (the settings used and where they came from, never a secret's value, and what to check),
 * any other API error with its message (clients never put a secret in one). Nothing is written
 * when this happens. Anything that is not an API error is returned as it is.
 */
export function explainApiError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const explained = explainAccessError(error, "check");
  const message = explained === error ? `${error.message}.` : (explained as Error).message;
  return new InputError(`${message} Nothing was written; run the import again.`, { cause: error });
}
