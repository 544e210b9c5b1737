import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { exampleProgram } from "../harness/example-program";
import { installedDependencies, packedPackage } from "../harness/packed-package";
import { pulumiBinDir } from "../harness/pulumi-cli";
import { writeFiles } from "../harness/pulumi-program";

// examples/testing-with-vitest as a user runs it: its own vitest, in its own folder, with
// pulumi-identity installed from the packed tarball and the Pulumi CLI on PATH. Its test makes
// its own stack and drives the program through the Automation API against its own emulator, so
// this file only lays the project out (no PulumiProgram: that would make a stack of its own).

const root = mkdtempSync(join(tmpdir(), "pulumi-identity-user-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test("the example's own test passes: up, a member added by hand, refresh, preview, up", async () => {
  const example = exampleProgram("testing-with-vitest");
  const dir = join(root, "project");
  writeFiles(dir, example.files);
  const installed = installedDependencies(packedPackage(), example.dependencies);
  symlinkSync(join(installed, "node_modules"), join(dir, "node_modules"));

  // Not this run's vitest settings: the example's vitest is a run of its own.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")),
  );
  const { stdout } = await promisify(execFile)("npx", ["vitest", "run"], {
    cwd: dir,
    env: {
      ...env,
      PATH: `${pulumiBinDir()}:${process.env.PATH}`,
      PULUMI_HOME: join(root, "pulumi-home"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      NO_COLOR: "1",
    },
  });
  expect(stdout).toMatch(/Tests\s+2 passed \(2\)/);
});
