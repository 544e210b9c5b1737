import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { it } from "vitest";

it("lets a finished program exit while the API's quota pause is still on", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "exit-child.ts")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exitCode = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, 15_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  assert.equal(output, "answered\n");
  assert.equal(exitCode, 0, "the process was still running 15 s later");
});
