import type { AsaClient } from "../../provider/asa/client";
import { asaClient } from "../../provider/asa/configured-client";
import { describeGroup, listMembers, liveGroup } from "../../provider/asa/group-access";
import type { GroupFilters, UserFilters } from "../../provider/asa/schemas";
import { findAsaUser } from "../../provider/asa/user-adapter";
import type { SettingReader } from "../../provider/config";
import { everyItem, filtersOf, found } from "../every-item";
import { lookupSettings } from "../lookup-settings";
import type { AsaGroup as Group, AsaUser as User, AsaUserStatus as UserStatus } from "./types";

/**
 * Where a lookup finds its credentials. Anything left out comes from the program's stack config
 * (`identity:asaTeam`, `identity:asaKeyId`, `identity:asaKeySecret`, `identity:asaTeams`,
 * `identity:asaBaseUrl`), then from `ASA_TEAM`, `ASA_KEY_ID`, `ASA_KEY_SECRET`, `ASA_TEAMS`,
 * `ASA_BASE_URL`. A `team` is served by its key set as a resource naming it would be, unless the
 * options give a key.
 */
export interface AsaLookupOptions {
  team?: string;
  keyId?: string;
  keySecret?: string;
  /** Default https://app.scaleft.com. */
  baseUrl?: string;
}

function lookupClient(options: AsaLookupOptions): AsaClient {
  const givenKey = options.keyId !== undefined || options.keySecret !== undefined;
  const source = lookupSettings({
    asaKeyId: options.keyId,
    asaKeySecret: options.keySecret,
    asaBaseUrl: options.baseUrl,
  });
  // A key in the options is for the team in the options: no set is chosen then.
  const read: SettingReader = givenKey
    ? (name) =>
        name === "asaTeams"
          ? undefined
          : name === "asaTeam" && options.team
            ? options.team
            : source(name)
    : source;
  return asaClient(givenKey ? undefined : options.team, read);
}

async function requireLiveGroup(client: AsaClient, name: string): Promise<Group> {
  const group = await liveGroup(client, name);
  if (!group) throw new Error(`${describeGroup(client.team, name)} does not exist`);
  return group;
}

/** A live group of the team; fails when it does not exist or was deleted. */
export async function getGroup(name: string, options: AsaLookupOptions = {}): Promise<Group> {
  return requireLiveGroup(lookupClient(options), name);
}

export interface GetGroupsOptions extends AsaLookupOptions {
  /** Only groups whose name contains this (case-insensitive). */
  contains?: string;
  /** Soft-deleted groups too. */
  includeDeleted?: boolean;
}

/** The team's groups, every page read. */
export async function getGroups(options: GetGroupsOptions = {}): Promise<Group[]> {
  const filters = filtersOf<GroupFilters>(options, ["contains", "includeDeleted"]);
  return everyItem(lookupClient(options).listGroups(filters));
}

/** The usernames of a group's members, sorted, every page read. */
export async function getGroupMembers(
  group: string,
  options: AsaLookupOptions = {},
): Promise<string[]> {
  const client = lookupClient(options);
  await requireLiveGroup(client, group);
  return (await listMembers(client, group)).list();
}

/** One user of the team, by username (case-sensitive); fails when there is none. */
export async function getUser(name: string, options: AsaLookupOptions = {}): Promise<User> {
  const client = lookupClient(options);
  return found(
    await findAsaUser(client, name),
    () => `user "${name}" does not exist in team "${client.team}"`,
  );
}

export interface GetUsersOptions extends AsaLookupOptions {
  /** Only users with one of these statuses. */
  status?: UserStatus | UserStatus[];
  /** Only usernames containing this. */
  contains?: string;
  /** Only usernames starting with this. */
  startsWith?: string;
  /** Service users too (ASA leaves them out by default). */
  includeServiceUsers?: boolean;
}

/** The team's users, every page read. */
export async function getUsers(options: GetUsersOptions = {}): Promise<User[]> {
  const names = ["status", "contains", "startsWith", "includeServiceUsers"];
  return everyItem(lookupClient(options).listUsers(filtersOf<UserFilters>(options, names)));
}
