import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test, vi } from "vitest";
import { findEmulator, main } from "../../cli";

// The `pulumi-identity` command in this process, with the places it looks for the emulator
// package given. test/engine/packages.test.ts runs it as installed, with and without that package.

const { version } = require("../../package.json");

/** A project folder whose node_modules holds a stand-in pulumi-identity-emulator. */
function projectWithEmulator(emulatorVersion: string, script: string): string {
  const project = mkdtempSync(join(tmpdir(), "pulumi-identity-cli-"));
  const dir = join(project, "node_modules", "pulumi-identity-emulator");
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "pulumi-identity-emulator",
      version: emulatorVersion,
      bin: { "pulumi-identity-emulator": "dist/cli.js" },
    }),
  );
  writeFileSync(join(dir, "dist", "cli.js"), script);
  return project;
}

let stderr: ReturnType<typeof vi.spyOn>;
let stdout: ReturnType<typeof vi.spyOn>;
const written = (spy: ReturnType<typeof vi.spyOn>) =>
  spy.mock.calls.map((call: unknown[]) => String(call[0])).join("");
beforeEach(() => {
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => {
  stderr.mockRestore();
  stdout.mockRestore();
});

describe("pulumi-identity", () => {
  test("usage: none is 2, help is 0, an unknown command is 2 and named", async () => {
    assert.equal(await main([]), 2);
    assert.match(written(stderr), /Usage: pulumi-identity <command>/);
    assert.equal(await main(["help"]), 0);
    assert.match(written(stdout), /pulumi-identity-emulator package/);
    assert.equal(await main(["serve"]), 2);
    assert.match(written(stderr), /unknown command: serve/);
  });

  test("emulator, without the emulator package: says how to install it, exit 1", async () => {
    const empty = mkdtempSync(join(tmpdir(), "pulumi-identity-cli-"));
    assert.equal(findEmulator([empty]), undefined);
    assert.equal(await main(["emulator", "--port", "0"], [empty]), 1);
    assert.match(
      written(stderr),
      new RegExp(`npm install --save-dev pulumi-identity-emulator@${version}\\n`),
    );
  });

  test("emulator, with it: runs its command with the arguments, and exits with its code", async () => {
    const project = projectWithEmulator(
      version,
      "process.exitCode = process.argv.slice(2).join(' ') === '--port 0 --empty' ? 3 : 4;",
    );
    assert.deepEqual(findEmulator([project]), {
      version,
      bin: join(project, "node_modules", "pulumi-identity-emulator", "dist", "cli.js"),
    });
    assert.equal(await main(["emulator", "--port", "0", "--empty"], [project]), 3);
    assert.equal(written(stderr), "");
    assert.equal(process.listenerCount("SIGTERM"), 0, "its signal handlers are gone");
  });

  test("emulator, of another version: runs it with a warning naming both versions", async () => {
    const project = projectWithEmulator("0.0.1", "");
    assert.equal(await main(["emulator"], [project]), 0);
    assert.match(
      written(stderr),
      new RegExp(
        `pulumi-identity-emulator 0\\.0\\.1 is installed beside pulumi-identity ${version}`,
      ),
    );
  });
});
