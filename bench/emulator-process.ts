import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import type { EmulatorCredentials } from "../emulator";

/** Starts the emulator in a child process of its own, so it does not share a core with the load. */
export async function startEmulatorProcess() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(__dirname, "emulator-server.ts")],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const [line] = (await once(child.stdout.setEncoding("utf8"), "data")) as [string];
  const info = JSON.parse(line) as { url: string; credentials: EmulatorCredentials };
  return { ...info, stop: () => child.kill("SIGTERM") };
}
