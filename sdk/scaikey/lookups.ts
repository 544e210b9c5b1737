import type { SettingReader } from "../../provider/config";
import { scaikeyClient } from "../../provider/scaikey/configured-client";
import type { UserFilters } from "../../provider/scaikey/schemas";
import { findScaiKeyUser } from "../../provider/scaikey/user-adapter";
import { everyItem, filtersOf, found } from "../every-item";
import { lookupSettings } from "../lookup-settings";
import type {
  ScaiKeyUserListItem as UserListItem,
  ScaiKeyUser as UserResponse,
  ScaiKeyUserStatus as UserStatus,
} from "./types";

/**
 * Where a lookup finds its credentials and tenant. Anything left out comes from the program's
 * stack config (`identity:scaikeyBaseUrl`, `identity:scaikeyClientId`,
 * `identity:scaikeyClientSecret`, `identity:scaikeyTenant`, `identity:scaikeyTenants`), then from
 * `SCAIKEY_BASE_URL`, `SCAIKEY_CLIENT_ID`, `SCAIKEY_CLIENT_SECRET`, `SCAIKEY_TENANT`,
 * `SCAIKEY_TENANTS`. A tenant is served by its client set as a resource naming it would be,
 * unless the options give a client.
 */
export interface ScaiKeyLookupOptions {
  /** The tenant's id (`tnt_...`). */
  tenantId?: string;
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
}

function lookupClient(options: ScaiKeyLookupOptions) {
  const givenClient = options.clientId !== undefined || options.clientSecret !== undefined;
  const source = lookupSettings({
    scaikeyBaseUrl: options.baseUrl,
    scaikeyClientId: options.clientId,
    scaikeyClientSecret: options.clientSecret,
  });
  // A client in the options serves the tenant in the options: no set is chosen then.
  const read: SettingReader = givenClient
    ? (name) => (name === "scaikeyTenants" ? undefined : source(name))
    : source;
  return scaikeyClient(options.tenantId, read);
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
  return found(
    await findScaiKeyUser(client, idOrEmail),
    () => `ScaiKey tenant ${client.tenantId} has no user with the id or email "${idOrEmail}"`,
  );
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
  const names = ["search", "status", "ouId", "groupId", "mfaEnabled"];
  return everyItem(lookupClient(options).listUsers(filtersOf<UserFilters>(options, names)));
}
