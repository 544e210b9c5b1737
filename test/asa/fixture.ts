import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { forgetGroupViews } from "../../provider/asa/group-view";
import { forgetUserDirectories } from "../../provider/asa/user-directory";
import type { PropertyMap } from "../../provider/resource";
import { closeAllPools } from "../../provider/transport";
import { configureProvidersFor } from "../harness/emulator-config";

export interface AsaFixture {
  emulator: RunningEmulator;
  team: string;
  /** Adds users `<prefix>-0001` ... to the team and returns their names. */
  addUsers(count: number, prefix: string): Promise<string[]>;
  /** The group's members as the emulator holds them, sorted. */
  membersOf(group: string): Promise<string[]>;
  /** Requests to one ASA route since the last reset of the counters, e.g. "POST /v1/teams/:team_name/groups/:group_name/users". */
  count(route: string): Promise<number>;
  /** Every ASA request that changes something (POST, PUT, DELETE; token exchanges excluded). */
  writes(): Promise<number>;
  /**
   * The emulator's ASA control API, for changes made "by hand" between two runs: each change also
   * starts a new run for the providers of this process, which forget what they read before (a
   * real run's provider host is a process of its own).
   */
  byHand: RunningEmulator["control"]["asa"];
  /** The emulator back to its data, and a new run. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** What the providers of this process keep for the length of a run. */
function newRun(): void {
  forgetGroupViews();
  forgetUserDirectories();
}

export const routes = {
  getGroup: "GET /v1/teams/:team_name/groups/:group_name",
  createGroup: "POST /v1/teams/:team_name/groups",
  updateGroup: "PUT /v1/teams/:team_name/groups/:group_name",
  deleteGroup: "DELETE /v1/teams/:team_name/groups/:group_name",
  listMembers: "GET /v1/teams/:team_name/groups/:group_name/users",
  addMember: "POST /v1/teams/:team_name/groups/:group_name/users",
  removeMember: "DELETE /v1/teams/:team_name/groups/:group_name/users/:user_name",
  getUser: "GET /v1/teams/:team_name/users/:user_name",
  listUsers: "GET /v1/teams/:team_name/users",
};

/** An emulator, and the providers configured for it through `configure()` as Pulumi's host does. */
export async function startAsaFixture(): Promise<AsaFixture> {
  const emulator = await startEmulator();
  const { team } = emulator.credentials.asa;
  await configureProvidersFor(emulator);
  return {
    emulator,
    team,
    async addUsers(count, prefix) {
      const names = Array.from(
        { length: count },
        (_, i) => `${prefix}-${String(i + 1).padStart(4, "0")}`,
      );
      await emulator.control.asa.createUsers(
        team,
        names.map((name) => ({ name })),
      );
      return names;
    },
    async membersOf(group) {
      return [...(await emulator.control.asa.group(team, group)).members].sort();
    },
    async count(route) {
      return (await emulator.control.counters()).asa[route] ?? 0;
    },
    async writes() {
      const counters = (await emulator.control.counters()).asa;
      return Object.entries(counters)
        .filter(
          ([route]) => /^(POST|PUT|PATCH|DELETE) /.test(route) && !route.endsWith("/service_token"),
        )
        .reduce((sum, [, n]) => sum + n, 0);
    },
    byHand: new Proxy(emulator.control.asa, {
      get(control, method) {
        const call = Reflect.get(control, method) as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          const result = await call(...args);
          newRun();
          return result;
        };
      },
    }),
    async reset() {
      await emulator.control.reset();
      newRun();
    },
    async stop() {
      await emulator.stop();
      await closeAllPools();
    },
  };
}

/** check, as the engine calls it; fails the test on any check failure. */
export async function checked(
  provider: pulumi.dynamic.ResourceProvider,
  news: PropertyMap,
  olds: PropertyMap = {},
): Promise<PropertyMap> {
  const result = await provider.check?.(olds, news);
  assert.deepEqual(result?.failures ?? [], []);
  return result?.inputs as PropertyMap;
}

/** The check failures' reasons for these inputs. */
export async function failuresOf(
  provider: pulumi.dynamic.ResourceProvider,
  news: PropertyMap,
): Promise<{ property: string; reason: string }[]> {
  return [...((await provider.check?.({}, news))?.failures ?? [])];
}

/** check then create, as `pulumi up` does for a new resource. */
export async function created(provider: pulumi.dynamic.ResourceProvider, news: PropertyMap) {
  const inputs = await checked(provider, news);
  const result = await provider.create(inputs);
  return { inputs, id: result.id, outs: result.outs as PropertyMap };
}
