import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { main } from "../../emulator/cli";
import { captureOutput } from "../harness/captured-output";

// The emulator's command refusing what it cannot use, run in this process (cli.test.ts starts the
// real command line): the message names the option and what to do, and the exit code says which.

const output = captureOutput();

describe("pulumi-identity-emulator, in process", () => {
  test("--help prints the usage and exits 0", async () => {
    assert.equal(await main(["--help"]), 0);
    assert.match(output.stdout, /^Usage: pulumi-identity-emulator \[options\]/);
  });

  test("a port that is not a number, or --empty with --data: exit 2 with the usage", async () => {
    assert.equal(await main(["--port", "http"]), 2);
    assert.match(
      output.stderr,
      /^--port must be a whole number\n\nUsage: pulumi-identity-emulator/,
    );
    output.clear();
    assert.equal(await main(["--empty", "--data", "org.json"]), 2);
    assert.match(output.stderr, /^--empty and --data cannot go together\n/);
  });

  test("a data file that does not exist: exit 1 naming it", async () => {
    const missing = join(tmpdir(), "no-such-emulator-data.json");
    assert.equal(await main(["--port", "0", "--data", missing]), 1);
    assert.match(output.stderr, /no-such-emulator-data\.json/);
  });
});
