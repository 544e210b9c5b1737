import { join } from "node:path";
import type { Counters, RunningEmulator } from "../../emulator";
import type { Role } from "../../provider/asa/schemas";
import type { PulumiProgram } from "./pulumi-program";
import { type ProcessRun, runProcess } from "./run-process";

// An organisation at scale in the emulator, and the package's own command run as a user would
// run it (the bin installed in the program's node_modules), for the import's tests and bench.

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export interface OrgSize {
  groups: number;
  /** Members per group. */
  members: number;
  /** Distinct users the members are drawn from (each in groups × members ÷ users groups). */
  users: number;
}

export const userName = (i: number) => `user-${pad(i, 5)}`;
export const groupName = (g: number) => `group-${pad(g, 4)}`;

/** Group g's members: `members` consecutive users from a start that moves with g. */
export function membersOf(g: number, size: OrgSize): string[] {
  return Array.from({ length: size.members }, (_, k) => userName((g * 7 + k) % size.users));
}

/** Creates the users and the groups (roles vary by group) in the emulator's ASA team. */
export async function createOrg(emulator: RunningEmulator, size: OrgSize): Promise<void> {
  const { team } = emulator.credentials.asa;
  const users = Array.from({ length: size.users }, (_, i) => ({ name: userName(i) }));
  await emulator.control.asa.createUsers(team, users);
  const roles: Role[][] = [
    ["access_user"],
    ["access_user", "reporting_user"],
    ["access_admin"],
    [],
  ];
  await emulator.control.asa.createGroups(
    team,
    Array.from({ length: size.groups }, (_, g) => ({
      name: groupName(g),
      roles: roles[g % roles.length],
      members: membersOf(g, size),
    })),
  );
}

/** The three APIs' settings as environment variables, pointing at the emulator. */
export function apiEnvironment(emulator: RunningEmulator): Record<string, string> {
  const { asa, secureframe, scaikey } = emulator.credentials;
  return {
    ASA_TEAM: asa.team,
    ASA_KEY_ID: asa.keyId,
    ASA_KEY_SECRET: asa.keySecret,
    ASA_BASE_URL: emulator.asaUrl,
    SECUREFRAME_API_KEY: secureframe.apiKey,
    SECUREFRAME_API_SECRET: secureframe.apiSecret,
    SECUREFRAME_BASE_URL: emulator.secureframeUrl,
    SCAIKEY_BASE_URL: emulator.scaikeyUrl,
    SCAIKEY_CLIENT_ID: scaikey.clientId,
    SCAIKEY_CLIENT_SECRET: scaikey.clientSecret,
    SCAIKEY_TENANT: scaikey.tenantId,
  };
}

/** Requests that change something (token exchanges apart), e.g. `["POST ... ×2"]`; [] for none. */
export function writesIn(counters: Counters): string[] {
  return Object.entries(counters).flatMap(([api, routes]) =>
    Object.entries(routes)
      .filter(([route]) => /^(POST|PUT|PATCH|DELETE) /.test(route))
      .filter(([route]) => !/\/(service_token|oauth\/token)$/.test(route))
      .map(([route, n]) => `${api} ${route} ×${n}`),
  );
}

/** Requests per API. */
export function requestsIn(counters: Counters): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counters).map(([api, routes]) => [
      api,
      Object.values(routes).reduce((sum, n) => sum + n, 0),
    ]),
  );
}

export type BinRun = ProcessRun;

/** `pulumi-identity <args>` as installed in the program's node_modules, in its directory. */
export function runInstalledCli(
  program: PulumiProgram,
  args: string[],
  env: Record<string, string> = {},
): Promise<BinRun> {
  const bin = join(program.dir, "node_modules", ".bin", "pulumi-identity");
  return runProcess(bin, args, { cwd: program.dir, env: program.environment(env) });
}
