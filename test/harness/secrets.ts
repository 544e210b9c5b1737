import assert from "node:assert/strict";
import type { PulumiProgram } from "./pulumi-program";

export interface RecordedRun {
  stdout: string;
  stderr: string;
  events?: unknown;
}

/** The secrets never show: not in the state file, the CLI's output nor the engine's events. */
export function assertNowhere(stack: PulumiProgram, runs: RecordedRun[], secrets: string[]): void {
  const state = stack.stateText();
  for (const secret of secrets) {
    assert.ok(!state.includes(secret), "a credential is in the state");
    for (const run of runs) {
      assert.ok(
        !run.stdout.includes(secret) && !run.stderr.includes(secret),
        "a credential is in the CLI output",
      );
      assert.ok(
        !JSON.stringify(run.events ?? []).includes(secret),
        "a credential is in the engine events",
      );
    }
  }
}
