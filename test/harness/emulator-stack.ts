import { afterAll, beforeAll } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "./emulator-config";
import { type ProgramOptions, PulumiProgram } from "./pulumi-program";

/**
 * For a test file: an emulator and a program whose stack config points at it, started before the
 * tests (after `prepare` has set up the data they need) and stopped after them.
 */
export function useEmulatorStack(
  options: ProgramOptions,
  prepare?: (emulator: RunningEmulator) => Promise<void>,
): { readonly emulator: RunningEmulator; readonly stack: PulumiProgram } {
  let emulator: RunningEmulator | undefined;
  let stack: PulumiProgram | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
    await prepare?.(emulator);
    stack = await PulumiProgram.create(options);
    await configureForEmulator(stack, emulator);
  });
  afterAll(async () => {
    stack?.dispose();
    await emulator?.stop();
  });
  return {
    get emulator() {
      if (!emulator) throw new Error("the emulator has not started");
      return emulator;
    },
    get stack() {
      if (!stack) throw new Error("the stack has not been created");
      return stack;
    },
  };
}
