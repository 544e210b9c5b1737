import { scaikeyClient } from "../../provider/scaikey/settings";
import { findScaiKeyUser } from "../../provider/scaikey/user-adapter";
import { lookupSettings } from "../lookup-settings";
import type {
  ScaiKeyUserListItem as UserListItem,
  ScaiKeyUser as UserResponse,
  ScaiKeyUserStatus as UserStatus,
} from "./types";

/**
 * Where a lookup finds its credentials and tenant. Anything left out comes from the program's
 * stack config (`identity:scaikeyBaseUrl`, `identity:scaikeyClientId`,
 * `identity:scaikeyClientSecret`, `identity:scaikeyTenant`), then from `SCAIKEY_BASE_URL`,
 * `SCAIKEY_CLIENT_ID`, `SCAIKEY_CLIENT_SECRET`, `SCAIKEY_TENANT`.
 */
export interface ScaiKeyLookupOptions {
  /** The tenant's id (`tnt_...`). */
  tenantId?: string;
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
}

function lookupClient(options: ScaiKeyLookupOptions) {
  const source = lookupSettings({
    scaikeyTenant: options.tenantId,
    scaikeyBaseUrl: options.baseUrl,
    scaikeyClientId: options.clientId,
    scaikeyClientSecret: options.clientSecret,
  });
  return scaikeyClient(undefined, source);
}

/**
 * One user of the tenant, in full, by id (`usr_...`) or email (compared case-insensitively), with
 * the API's field names; fails when there is none.
 */
export async function getUser(
  idOrEmail: string,
  options: ScaiKeyLookupOptions = {},
): Promise<UserResponse> {
  const client = lookupClient(options);
  const user = await findScaiKeyUser(client, idOrEmail);
  if (!user) {
    throw new Error(
      `ScaiKey tenant ${client.tenantId} has no user with the id or email "${idOrEmail}"`,
    );
  }
  return user;
}

export interface GetUsersOptions extends ScaiKeyLookupOptions {
  /** Text searched for in emails and names. */
  search?: string;
  status?: UserStatus;
  /** Only users of this organizational unit (`ou_...`). */
  ouId?: string;
  /** Only members of this group (`grp_...`). */
  groupId?: string;
  mfaEnabled?: boolean;
}

/** The tenant's users matching the filters (list items: id, email, display_name, status...), every page read. */
export async function getUsers(options: GetUsersOptions = {}): Promise<UserListItem[]> {
  const users: UserListItem[] = [];
  const filters = {
    ...(options.search ? { search: options.search } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(options.ouId ? { ou_id: options.ouId } : {}),
    ...(options.groupId ? { group_id: options.groupId } : {}),
    ...(options.mfaEnabled !== undefined ? { mfa_enabled: options.mfaEnabled } : {}),
  };
  for await (const user of lookupClient(options).listUsers(filters)) users.push(user);
  return users;
}
