import { secureframeClient } from "../../provider/secureframe/configured-client";
import { findSecureframeUser } from "../../provider/secureframe/user-adapter";
import { everyItem, found } from "../every-item";
import { lookupSettings } from "../lookup-settings";
import type { SecureframeUser as User } from "./types";

/**
 * Where a lookup finds its credentials. Anything left out comes from the program's stack config
 * (`identity:secureframeApiKey`, `identity:secureframeApiSecret`, `identity:secureframeAccounts`,
 * `identity:secureframeBaseUrl`), then from `SECUREFRAME_API_KEY`, `SECUREFRAME_API_SECRET`,
 * `SECUREFRAME_ACCOUNTS`, `SECUREFRAME_BASE_URL`.
 */
export interface SecureframeLookupOptions {
  /** A named account of `identity:secureframeAccounts`, as resources name it. */
  account?: string;
  apiKey?: string;
  apiSecret?: string;
  /** Default https://api.secureframe.com (UK: https://api-uk.secureframe.com). */
  baseUrl?: string;
}

function lookupClient(options: SecureframeLookupOptions) {
  const read = lookupSettings({
    secureframeApiKey: options.apiKey,
    secureframeApiSecret: options.apiSecret,
    secureframeBaseUrl: options.baseUrl,
  });
  const givenKey = options.apiKey !== undefined || options.apiSecret !== undefined;
  // A key in the options is used as it is: no account is chosen then.
  return secureframeClient(read, givenKey ? undefined : options.account);
}

/**
 * One user, by Secureframe id or email (compared case-insensitively), with the API's field names;
 * fails when there is none.
 */
export async function getUser(
  idOrEmail: string,
  options: SecureframeLookupOptions = {},
): Promise<User> {
  return found(
    await findSecureframeUser(lookupClient(options), idOrEmail),
    () => `Secureframe has no user with the id or email "${idOrEmail}"`,
  );
}

export interface GetUsersOptions extends SecureframeLookupOptions {
  /**
   * A Lucene query on the user fields Secureframe filters by, e.g.
   * `employee_type:contractor AND active:true`. Values are case-sensitive.
   */
  q?: string;
}

/** The users matching `q` (all users without it), every page read. */
export async function getUsers(options: GetUsersOptions = {}): Promise<User[]> {
  return everyItem(lookupClient(options).listUsers(options.q?.trim() ? { q: options.q } : {}));
}
