import { unlessNotFound } from "../errors";
import { type Inputs, joinId, splitId } from "../resource";
import type { AsaClient } from "./client";
import type { User } from "./schemas";
import { asaClient } from "./settings";

// What asa.UserAttributes and asa.UserStatus share: how they reach their user.

export type AsaUserApi = Pick<AsaClient, "getUser" | "updateUser">;

/** A client for a team; injectable for tests. */
export type AsaUserClients = (team: string) => AsaUserApi;
export const defaultAsaUserClients: AsaUserClients = (team) => asaClient(team);

/** The resource ID is `<team>/<username>`. */
export interface AsaUserTarget {
  team: string;
  username: string;
  /** The user's ASA id, once known. */
  userId?: string;
}

export function describeAsaUser(target: AsaUserTarget): string {
  return `ASA user "${target.username}" of team ${target.team}`;
}

/** The user, or undefined when ASA does not know the username. */
export async function findAsaUser(api: AsaUserApi, username: string): Promise<User | undefined> {
  return unlessNotFound(api.getUser(username));
}

/** The user the checked arguments name, or an error saying how to fix the username. */
export async function locateAsaUser(
  api: AsaUserApi,
  inputs: Inputs,
): Promise<{ id: string; target: AsaUserTarget; user: User }> {
  const team = inputs.team as string;
  const username = inputs.username as string;
  const user = await findAsaUser(api, username);
  if (!user) {
    throw new Error(
      `ASA team ${team} has no user "${username}"; usernames are case-sensitive: check the spelling (ASA lists them under Users), or the team.`,
    );
  }
  return { id: joinId(team, username), target: { team, username, userId: user.id }, user };
}

/** From the stored outputs, else from the ID. */
export function asaUserTargetOf(id: string, outputs: Inputs): AsaUserTarget | undefined {
  const fromId = splitId(id);
  const team = typeof outputs.team === "string" ? outputs.team : fromId?.scope;
  const username = typeof outputs.username === "string" ? outputs.username : fromId?.name;
  if (!team || !username) return undefined;
  const userId = typeof outputs.userId === "string" ? outputs.userId : undefined;
  return { team, username, ...(userId ? { userId } : {}) };
}

export function sameAsaUser(olds: Inputs, news: Inputs): boolean {
  return olds.username === news.username && olds.team === news.team;
}

export function asaUserOutputs(target: AsaUserTarget): Inputs {
  return target.userId ? { userId: target.userId } : {};
}
