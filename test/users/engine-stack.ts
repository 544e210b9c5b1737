import assert from "node:assert/strict";
import { afterAll, beforeAll } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { type EngineRun, PulumiProgram, type StateResource } from "../harness/pulumi-program";
import { assertNowhere as assertNowhereIn, type RecordedRun } from "../harness/secrets";

export interface UserStack {
  emulator: RunningEmulator;
  stack: PulumiProgram;
  /** Every engine run so far (and preview --diff texts), to search for credentials. */
  runs: RecordedRun[];
  /** The resource of this name in the stack's state. */
  resource(name: string): StateResource;
  record(run: EngineRun): EngineRun;
}

/**
 * A Pulumi program run by the real CLI against an emulator in this process, with the API's
 * credentials in the stack config (secrets as secrets), none in the environment.
 */
export function useUserStack(
  program: string,
  config: (emulator: RunningEmulator) => Record<string, { value: string; secret?: boolean }>,
): () => UserStack {
  let current: UserStack | undefined;
  beforeAll(async () => {
    const emulator = await startEmulator();
    const stack = await PulumiProgram.create({ files: { "index.ts": program } });
    await stack.setConfigs(
      Object.entries(config(emulator)).map(([key, { value, secret }]) => ({ key, value, secret })),
    );
    const runs: UserStack["runs"] = [];
    current = {
      emulator,
      stack,
      runs,
      resource(name) {
        const found = stack.resources().find((r) => r.urn.endsWith(`::${name}`));
        return found ?? assert.fail(`no resource ${name} in the state`);
      },
      record(run) {
        runs.push(run);
        return run;
      },
    };
  });
  afterAll(async () => {
    current?.stack.dispose();
    await current?.emulator.stop();
  });
  return () => current ?? assert.fail("the stack has not started");
}

/** The secrets never show: not in the state file, the CLI's output nor the engine's events. */
export function assertNowhere(users: UserStack, secrets: string[]): void {
  assertNowhereIn(users.stack, users.runs, secrets);
}

/** Whether a value is stored encrypted in the state file. */
export function isStoredSecret(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)["4dabf18193072939515e22adb298388d"] ===
      "1b47061264138c4ac30d75fd1eb44270"
  );
}

/** The lines of `pulumi preview --diff` that change a property, trimmed, without the name's padding. */
export function changedLines(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => /^\s*[~+-] [\w.]+\s*: /.test(line) && line.includes("=>"))
    .map((line) => line.trim().replace(/\s+:/, ":"));
}
