import { ProcessWide } from "../transport/process-wide";
import type { AsaClient } from "./client";
import { describeGroup, listMembers, liveGroup, refuseFederated } from "./group-access";
import { MemberSet } from "./member-set";
import type { Group } from "./schemas";

export type GroupViewApi = Pick<AsaClient, "getGroup" | "listGroupUsers">;

/**
 * What this run has read of one team's groups, shared by every resource of the run (the
 * dynamic-provider host is one process per run): an `asa.Group` and the `asa.GroupMembership` of
 * the same group read it once, and a group the run itself created is known to be empty. Every
 * write of the run to a group forgets what was read of it, so nothing stale is ever served.
 */
export class GroupView {
  private readonly groups = new Map<string, Promise<Group | undefined>>();
  private readonly members = new Map<string, Promise<MemberSet>>();

  constructor(private readonly api: GroupViewApi) {}

  /** The live group, or undefined when it does not exist or was soft-deleted (which still answers 200). */
  liveGroup(name: string): Promise<Group | undefined> {
    return this.remember(this.groups, name, () => liveGroup(this.api, name));
  }

  /** Every member, every page read. */
  membersOf(name: string): Promise<MemberSet> {
    return this.remember(this.members, name, () => listMembers(this.api, name));
  }

  /** The live group a change is about to write to: missing and federated groups are errors. */
  async writable(team: string, name: string, change: string): Promise<Group> {
    const group = await this.liveGroup(name);
    if (!group) {
      throw new Error(
        `Cannot ${change}: ${describeGroup(team, name)} does not exist (or was deleted). Create it first (an asa.Group), or run \`pulumi refresh\` if it was deleted by hand.`,
      );
    }
    refuseFederated(group, team, change);
    return group;
  }

  /** The run created this group: it has no members yet. */
  created(group: Group): void {
    this.groups.set(group.name, Promise.resolve(group));
    this.members.set(group.name, Promise.resolve(MemberSet.of([])));
  }

  /** The run is about to change the group itself (create, roles, delete). */
  forgetGroup(name: string): void {
    this.groups.delete(name);
    this.members.delete(name);
  }

  /** The run is about to change the group's members. */
  forgetMembers(name: string): void {
    this.members.delete(name);
  }

  private remember<T>(cache: Map<string, Promise<T>>, name: string, read: () => Promise<T>) {
    let known = cache.get(name);
    if (!known) {
      known = read();
      cache.set(name, known);
      // A failed read is not knowledge: the next caller tries again.
      known.catch(() => cache.get(name) === known && cache.delete(name));
    }
    return known;
  }
}

const views = new ProcessWide<unknown, GroupView>();

/** The run's view of the groups of the team `api` works in (one per client identity). */
export function groupView(api: GroupViewApi & { identity?: string }): GroupView {
  return views.get(api.identity ?? api, () => new GroupView(api));
}

/** Forgets what every view has read (tests that change groups between runs of one process). */
export function forgetGroupViews(): void {
  views.clear();
}
