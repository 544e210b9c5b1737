import { join } from "node:path";
import { type ProcessRun, runProcess } from "../harness/run-process";

const cli = join(__dirname, "..", "..", "cli", "index.ts");

export type CliRun = ProcessRun;

/** Runs `pulumi-identity <args>` from the sources, with `input` on its standard input. */
export function runCli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliRun> {
  return runProcess(process.execPath, ["--import", "tsx", cli, ...args], options);
}
