import { inspect } from "node:util";
import { afterAll, beforeAll } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { AsaClient, type AsaClientOptions } from "../../provider/asa";
import { ScaiKeyClient, type ScaiKeyClientOptions } from "../../provider/scaikey";
import { SecureframeClient, type SecureframeClientOptions } from "../../provider/secureframe";
import { type Clock, closeAllPools } from "../../provider/transport";

type Overrides<T> = Partial<T>;

/** Starts one emulator for the file's tests and stops it (and every pool) at the end. */
export function useEmulator(options: { empty?: boolean } = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await closeAllPools();
    await emulator?.stop();
  });
  return () => {
    if (!emulator) throw new Error("the emulator has not started");
    return emulator;
  };
}

/** Back to the seed data, with these faults set and an empty request log. */
export async function withFaults(
  emu: RunningEmulator,
  faults: Parameters<RunningEmulator["control"]["setFaults"]>[0],
): Promise<RunningEmulator> {
  await emu.control.reset();
  await emu.control.setFaults(faults);
  await emu.control.clearRequests();
  return emu;
}

/**
 * The test clients back off by half the ceiling, not at random: a full-jitter draw can be 0 ms,
 * and a retry sent at once, without a sleep, skips what `retryClock` does in it.
 */
const STEADY_JITTER = { random: () => 0.5 };

export function asaClient(
  emu: RunningEmulator,
  overrides: Overrides<AsaClientOptions> = {},
): AsaClient {
  return new AsaClient({
    baseUrl: emu.asaUrl,
    ...emu.credentials.asa,
    ...STEADY_JITTER,
    ...overrides,
  });
}

export function secureframeClient(
  emu: RunningEmulator,
  overrides: Overrides<SecureframeClientOptions> = {},
): SecureframeClient {
  return new SecureframeClient({
    baseUrl: emu.secureframeUrl,
    ...emu.credentials.secureframe,
    ...overrides,
  });
}

/** Seed users of the ScaiKey demo tenant, and the platform console application. */
export const SCAIKEY_SEED = {
  jason: "usr_a0ef100cb9467317b1a26c4c",
  caddy: "usr_d3fb355fbb0ab9e676a57880",
  platform: {
    clientId: "cli_platform_console",
    clientSecret: "platform-console-secret-not-real",
    tenantSlug: undefined,
  },
};

export function scaikeyClient(
  emu: RunningEmulator,
  overrides: Overrides<ScaiKeyClientOptions> = {},
): ScaiKeyClient {
  return new ScaiKeyClient({
    baseUrl: emu.scaikeyUrl,
    ...emu.credentials.scaikey,
    ...STEADY_JITTER,
    ...overrides,
  });
}

/** The query of each request the emulator's `api` received for this method and path. */
export async function queriesOf(
  emu: RunningEmulator,
  api: "scaikey" | "secureframe",
  method: string,
  path: string,
) {
  return (await emu.control.requests())
    .filter((entry) => entry.method === method && entry.url.split("?")[0] === `/${api}${path}`)
    .map((entry) => Object.fromEntries(new URL(entry.url, "http://x").searchParams));
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * A clock whose waits before a retry take no time: each clears the emulator's faults, then runs
 * `meanwhile` (a change made by hand while the client waits, as if a lost answer had made it).
 */
export function retryClock(
  emu: RunningEmulator,
  meanwhile: () => Promise<unknown> = async () => {},
): Clock {
  return {
    now: Date.now,
    sleep: async () => {
      await emu.control.clearFaults();
      await meanwhile();
    },
  };
}

/** Everything an error shows: JSON, util.inspect with hidden fields, message, stack, and causes. */
export function everythingShown(err: unknown): string {
  const parts = [
    JSON.stringify(err),
    inspect(err, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
  for (let e: unknown = err; e instanceof Error; e = e.cause) parts.push(e.message, e.stack ?? "");
  return parts.join("\n");
}

/** How often each status appears in the emulator's request log for an API. */
export async function statusCounts(
  emu: RunningEmulator,
  api: string,
): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (const entry of await emu.control.requests()) {
    if (entry.api === api) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  }
  return counts;
}

// The test files of this folder take it from here, with the rest of their setup.
export { rejection } from "../harness/rejection";
