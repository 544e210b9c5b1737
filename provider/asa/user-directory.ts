import { isNotFound } from "../errors";
import { quote } from "../resource";
import { ProcessWide } from "../transport/process-wide";
import type { AsaClient } from "./client";
import type { User } from "./schemas";

export interface MemberProblem {
  name: string;
  problem: string;
}

export type UserDirectoryApi = Pick<AsaClient, "getUser" | "listUsers">;

/**
 * Up to this many distinct names in a run are looked up one by one (one call each); past it the
 * team's user list is read once (one call per page of 100 users) and answers every later name.
 */
export const LOOKUP_ONE_BY_ONE_UP_TO = 100;

/** How long names asked at about the same time are gathered before deciding how to look them up. */
const GATHER_MS = 5;

function problemOf(name: string, user: User | undefined): MemberProblem | undefined {
  if (!user) return { name, problem: "no such user" };
  if (user.status === "DELETED") return { name, problem: "deleted in ASA" };
  // Usernames are case-sensitive: a user found under another spelling would be added under
  // that spelling and then never match the declaration.
  if (user.name !== name) return { name, problem: `ASA spells it ${quote(user.name)}` };
  return undefined;
}

/**
 * One team's users as this run has seen them, shared by every resource of the run (the
 * dynamic-provider host is one process per run): `check` of every membership and the changes
 * that follow ask it, and each name costs a request at most once.
 */
export class UserDirectory {
  private readonly lookups = new Map<string, Promise<User | undefined>>();
  private listing: Promise<{ exact: Map<string, User>; folded: Map<string, User> }> | undefined;
  private gathered = new Set<string>();
  private gathering: Promise<void> | undefined;

  constructor(private readonly api: UserDirectoryApi) {}

  /** Every name among `names` that cannot join a group, with the reason: all of them. */
  async problems(names: readonly string[]): Promise<MemberProblem[]> {
    const users = await Promise.all(names.map((name) => this.user(name)));
    return names.flatMap((name, i) => problemOf(name, users[i]) ?? []);
  }

  private async user(name: string): Promise<User | undefined> {
    if (this.listing) return this.fromListing(name);
    const known = this.lookups.get(name);
    if (known) return known;
    this.gathered.add(name);
    this.gathering ??= new Promise<void>((resolve) => setTimeout(resolve, GATHER_MS)).then(() => {
      this.gathering = undefined;
      const asked = this.lookups.size + this.gathered.size;
      if (asked > LOOKUP_ONE_BY_ONE_UP_TO) this.listing ??= this.list();
      this.gathered = new Set();
    });
    await this.gathering;
    if (this.listing) return this.fromListing(name);
    let lookup = this.lookups.get(name);
    if (!lookup) {
      lookup = this.api.getUser(name).catch((err) => {
        if (isNotFound(err)) return undefined;
        this.lookups.delete(name);
        throw err;
      });
      this.lookups.set(name, lookup);
    }
    return lookup;
  }

  private async fromListing(name: string): Promise<User | undefined> {
    const { exact, folded } = await (this.listing as NonNullable<typeof this.listing>);
    return exact.get(name) ?? folded.get(name.toLowerCase());
  }

  private async list() {
    const exact = new Map<string, User>();
    const folded = new Map<string, User>();
    for await (const user of this.api.listUsers({ include_service_users: true })) {
      exact.set(user.name, user);
      folded.set(user.name.toLowerCase(), user);
    }
    return { exact, folded };
  }
}

const directories = new ProcessWide<unknown, UserDirectory>();

/** The run's directory of the team `api` works in (one per client identity). */
export function userDirectory(api: UserDirectoryApi & { identity?: string }): UserDirectory {
  return directories.get(api.identity ?? api, () => new UserDirectory(api));
}

/** Forgets what every directory has seen (tests that change users between runs of one process). */
export function forgetUserDirectories(): void {
  directories.clear();
}
