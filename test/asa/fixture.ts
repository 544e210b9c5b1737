import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import type { AsaClient } from "../../provider/asa/client";
import { asaClient } from "../../provider/asa/configured-client";
import { forgetGroupViews } from "../../provider/asa/group-view";
import { MemberSet } from "../../provider/asa/member-set";
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
  /** Every ASA request (token exchanges excluded). */
  requests(): Promise<number>;
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

const numbered = (prefix: string, i: number) => `${prefix}-${String(i).padStart(4, "0")}`;

/** The `i`th of the people `useAsaFixture({ people })` adds: person-0001, person-0002 ... */
export const person = (i: number) => numbered("person", i);

/** The members a stored value holds, as a sorted list (outputs store a name set). */
export const storedMembers = (value: unknown) => MemberSet.from(value).list();

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
  const requestsTo = async (counted: (route: string) => boolean) =>
    Object.entries((await emulator.control.counters()).asa)
      .filter(([route]) => counted(route) && !route.endsWith("/service_token"))
      .reduce((sum, [, n]) => sum + n, 0);
  return {
    emulator,
    team,
    async addUsers(count, prefix) {
      const names = Array.from({ length: count }, (_, i) => numbered(prefix, i + 1));
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
      return requestsTo((route) => /^(POST|PUT|PATCH|DELETE) /.test(route));
    },
    async requests() {
      return requestsTo(() => true);
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

/**
 * The file's fixture, started before its tests and stopped after them. Each test starts from the
 * emulator's data in a new run, with `people` more users (person(1) ...) and the empty `groups`,
 * the counters cleared.
 */
export function useAsaFixture(setup: { people?: number; groups?: string[] } = {}): AsaFixture {
  const fixture = {} as AsaFixture;
  beforeAll(async () => {
    Object.assign(fixture, await startAsaFixture());
  });
  beforeEach(async () => {
    await fixture.reset();
    if (setup.people) await fixture.addUsers(setup.people, "person");
    for (const name of setup.groups ?? []) {
      await fixture.byHand.createGroup(fixture.team, { name });
    }
    await fixture.emulator.control.clearCounters();
  });
  afterAll(() => fixture.stop());
  return fixture;
}

/**
 * The configured client of a team with some methods replaced (`real` is the client itself), for
 * a provider to run on. An `identity` of its own gives it its own view of the groups, so that
 * the reads it makes are its own.
 */
export function clientOverriding(
  overrides: (real: AsaClient, team: string) => Partial<AsaClient>,
  identity?: string,
): (team: string) => AsaClient {
  return (team) => {
    const real = asaClient(team);
    return Object.assign(
      Object.create(real) as AsaClient,
      identity ? { identity } : {},
      overrides(real, team),
    );
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
