import { unlessNotFound } from "../errors";
import { joinId, type PropertyMap, splitId } from "../resource";
import { FieldMap } from "../users/field-map";
import type { UserAdapter, Values } from "../users/user-resource";
import { withDefaultTeam } from "./check-team";
import type { AsaClient } from "./client";
import { asaClient } from "./configured-client";
import type { User, UserDetails } from "./schemas";

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

/** The values' names of a user's details, and the API's. */
export const DETAIL_FIELDS = new FieldMap({
  firstName: "first_name",
  lastName: "last_name",
  fullName: "full_name",
  email: "email",
} as const satisfies Record<string, keyof UserDetails>);

export function describeAsaUser(target: AsaUserTarget): string {
  return `ASA user "${target.username}" of team ${target.team}`;
}

/** The user, or undefined when ASA does not know the username. */
export async function findAsaUser(api: AsaUserApi, username: string): Promise<User | undefined> {
  return unlessNotFound(api.getUser(username));
}

/** Every value this package manages of an ASA user: its details (null for a service user) and status. */
function valuesOf(user: User): Values {
  return {
    ...DETAIL_FIELDS.valuesOf(user.details),
    status: user.status,
  };
}

/** ASA users, reached by team and username (case-sensitive). */
export function asaUserAdapter(
  clients: AsaUserClients = defaultAsaUserClients,
): UserAdapter<AsaUserTarget> {
  return {
    api: "asa",
    userFields: ["username", "team"],
    withDefaults: withDefaultTeam,
    sameUser: (olds, news) => olds.username === news.username && olds.team === news.team,
    async locate(inputs, fields) {
      const team = inputs.team as string;
      const username = inputs.username as string;
      const user = await findAsaUser(clients(team), username);
      const target = { team, username, ...(user ? { userId: user.id } : {}) };
      if (!user) {
        throw new Error(
          `ASA team ${team} has no user "${username}"; usernames are case-sensitive: check the spelling (ASA lists them under Users), or the team.`,
        );
      }
      // Stryker disable next-line MethodExpression: the declared fields are never empty and all of one kind (details, or status), so some and every agree
      if (user.user_type === "service" && fields.some((f) => DETAIL_FIELDS.has(f))) {
        throw new Error(
          `${describeAsaUser(target)} is a service user, which has no details; asa.UserAttributes manages human users only.`,
        );
      }
      return { id: joinId(team, username), target, current: valuesOf(user) };
    },
    targetOf(id, outputs: PropertyMap) {
      const fromId = splitId(id);
      const team = typeof outputs.team === "string" ? outputs.team : fromId?.scope;
      const username = typeof outputs.username === "string" ? outputs.username : fromId?.name;
      if (!team || !username) return undefined;
      const userId = typeof outputs.userId === "string" ? outputs.userId : undefined;
      return { team, username, ...(userId ? { userId } : {}) };
    },
    outputsOf: (target) => (target.userId ? { userId: target.userId } : {}),
    async fetch(target) {
      const user = await findAsaUser(clients(target.team), target.username);
      return user && valuesOf(user);
    },
    async apply({ target, changes }) {
      const details = DETAIL_FIELDS.toApi(changes) as UserDetails;
      // One PUT for both; the client completes the other details from the user first.
      await clients(target.team).updateUser(target.username, {
        ...(Object.keys(details).length > 0 ? { details } : {}),
        ...("status" in changes ? { status: changes.status as User["status"] } : {}),
      });
      return undefined;
    },
    describe: describeAsaUser,
  };
}
