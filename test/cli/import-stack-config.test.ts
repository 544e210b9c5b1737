import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, test, vi } from "vitest";
import { InputError } from "../../cli/errors";
import { readStackConfig } from "../../cli/import/stack-config";
import { readSetting } from "../../provider/config";

// `pulumi-identity import --stack NAME` reads the stack's config with the pulumi CLI on PATH.
// Here a stand-in `pulumi` on PATH answers as the real one would (the engine test runs the real).

function pulumiOnPath(script: string): void {
  const dir = mkdtempSync(join(tmpdir(), "fake-pulumi-"));
  const bin = join(dir, "pulumi");
  writeFileSync(bin, `#!/bin/sh\n${script}\n`);
  chmodSync(bin, 0o755);
  vi.stubEnv("PATH", `${dir}:/usr/bin:/bin`);
}
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("import --stack", () => {
  test("the stack's identity:* settings, secrets included, come before the environment", async () => {
    vi.stubEnv("ASA_TEAM", "from-the-environment");
    pulumiOnPath(
      `echo '{"identity:asaTeam":{"value":"from-the-stack","secret":false},"identity:asaKeySecret":{"value":"s3cret","secret":true},"aws:region":{"value":"x"}}'`,
    );
    await readStackConfig("prod", tmpdir());
    assert.equal(readSetting("asaTeam").value, "from-the-stack");
    assert.equal(readSetting("asaKeySecret").value, "s3cret");
  });

  test("a failing pulumi config is named with its first line and what to check", async () => {
    pulumiOnPath(`echo 'error: no stack named "prod" found' >&2; exit 255`);
    const project = mkdtempSync(join(tmpdir(), "infra-"));
    const err = await readStackConfig("prod", project).catch((e: unknown) => e);
    assert.ok(err instanceof InputError);
    assert.equal(
      err.message,
      `--stack prod: \`pulumi config --stack prod\` failed in ${project}: error: no stack named "prod" found. Run the import in the Pulumi project's directory, with its backend and passphrase set as for \`pulumi preview\`.`,
    );
  });

  test("no pulumi on PATH: says to install it or use the environment variables", async () => {
    vi.stubEnv("PATH", mkdtempSync(join(tmpdir(), "empty-path-")));
    const err = await readStackConfig("prod", tmpdir()).catch((e: unknown) => e);
    assert.ok(err instanceof InputError);
    assert.match(
      err.message,
      /^--stack prod needs the pulumi CLI on PATH; install it, or leave out --stack/,
    );
  });
});
