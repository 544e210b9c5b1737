import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import type { PropertyMap } from "../../provider/resource";
import { closeAllPools } from "../../provider/transport";
import { configureProvidersFor } from "../harness/emulator-config";

/**
 * One emulator for the file's tests, back to the Compsons before each test, and the providers
 * configured for it through `configure()` as Pulumi's host does (stack config, no environment).
 */
export function useEmulator(): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
    await configureProvidersFor(emulator);
  });
  beforeEach(async () => {
    await emulator?.control.reset();
  });
  afterAll(async () => {
    await closeAllPools();
    await emulator?.stop();
  });
  return () => emulator ?? assert.fail("the emulator has not started");
}

type Provider = pulumi.dynamic.ResourceProvider;

/** The reasons check gives for these arguments (none when they are fine). */
export async function checkReasons(provider: Provider, args: PropertyMap): Promise<string[]> {
  const outcome = await provider.check?.({}, args);
  return (outcome?.failures ?? []).map((failure) => failure.reason);
}

/** The arguments as check normalises them; fails the test on any failure. */
export async function checked(
  provider: Provider,
  args: PropertyMap,
  olds: PropertyMap = {},
): Promise<PropertyMap> {
  const outcome = await provider.check?.(olds, args);
  assert.ok(outcome, "the provider has no check");
  assert.deepEqual(outcome.failures ?? [], []);
  return outcome.inputs as PropertyMap;
}

export interface Created {
  id: string;
  inputs: PropertyMap;
  outs: PropertyMap;
}

/** check then create, as `pulumi up` does for a new resource. */
export async function create(provider: Provider, args: PropertyMap): Promise<Created> {
  const inputs = await checked(provider, args);
  const created = await provider.create(inputs);
  return { id: created.id, inputs, outs: created.outs as PropertyMap };
}

/** check, diff then update (when diff sees a change), as `pulumi up` does for an existing resource. */
export async function up(
  provider: Provider,
  id: string,
  olds: PropertyMap,
  args: PropertyMap,
): Promise<{ diff: pulumi.dynamic.DiffResult; outs: PropertyMap }> {
  const inputs = await checked(provider, args);
  const diff = (await provider.diff?.(id, olds, inputs)) ?? assert.fail("no diff");
  if (!diff.changes) return { diff, outs: olds };
  assert.deepEqual(diff.replaces ?? [], [], "an update, not a replacement");
  const updated = (await provider.update?.(id, olds, inputs)) ?? assert.fail("no update");
  return { diff, outs: updated.outs as PropertyMap };
}

/** What `pulumi refresh` gets from read. */
export async function refresh(provider: Provider, id: string, outs: PropertyMap) {
  return (await provider.read?.(id, outs)) ?? assert.fail("no read");
}

// The test files of this folder take it from here, with the rest of their fixture.
export { rejection } from "../harness/rejection";
