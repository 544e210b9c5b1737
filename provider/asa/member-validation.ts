import { isNotFound } from "../errors";
import { quote } from "../resource";
import type { AsaClient } from "./client";
import type { User } from "./schemas";

export interface MemberProblem {
  name: string;
  problem: string;
}

export type UserDirectory = Pick<AsaClient, "getUser" | "listUsers">;

/**
 * Up to this many names are looked up one by one (one call each); more are checked against the
 * team's user list, whose cost is one call per page of users whatever the number of names.
 */
export const LOOKUP_ONE_BY_ONE_UP_TO = 100;

function problemOf(name: string, user: User): MemberProblem | undefined {
  if (user.status === "DELETED") return { name, problem: "deleted in ASA" };
  // Usernames are case-sensitive: a user found under another spelling would be added under
  // that spelling and then never match the declaration.
  if (user.name !== name) return { name, problem: `ASA spells it ${quote(user.name)}` };
  return undefined;
}

/** Every name among `names` that cannot join a group, with the reason: all of them, not just the first. */
export async function findMemberProblems(
  client: UserDirectory,
  names: readonly string[],
): Promise<MemberProblem[]> {
  if (names.length === 0) return [];
  if (names.length <= LOOKUP_ONE_BY_ONE_UP_TO) {
    const found = await Promise.all(
      names.map(async (name) => {
        try {
          return problemOf(name, await client.getUser(name));
        } catch (err) {
          if (isNotFound(err)) return { name, problem: "no such user" };
          throw err;
        }
      }),
    );
    return found.filter((problem) => problem !== undefined);
  }
  const exact = new Map<string, User>();
  const folded = new Map<string, User>();
  for await (const user of client.listUsers({ include_service_users: true })) {
    exact.set(user.name, user);
    folded.set(user.name.toLowerCase(), user);
  }
  return names.flatMap((name) => {
    const user = exact.get(name) ?? folded.get(name.toLowerCase());
    const problem = user ? problemOf(name, user) : { name, problem: "no such user" };
    return problem ? [problem] : [];
  });
}
