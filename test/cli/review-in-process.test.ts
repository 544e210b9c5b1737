import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { commands, runCommand } from "../../cli/commands";
import { EXIT } from "../../cli/errors";
import { captureOutput } from "../harness/captured-output";
import { fixtureDir } from "./review-fixtures";

// `pulumi-identity review` run in this process (review-cli.test.ts runs the real command line):
// what it writes, what it says on standard error, and its exit code, for the files CI gives it.

const fixture = (name: string) => join(fixtureDir, name);
const output = captureOutput();

const review = (args: string[]) => {
  const command = commands.review;
  if (!command) throw new Error("pulumi-identity has no review command");
  return runCommand(command, args);
};

describe("pulumi-identity review, in process", () => {
  test("both reports to files, the state naming unchanged groups' roles, a summary on output.stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "review-"));
    const md = join(dir, "review.md");
    const json = join(dir, "review.json");
    const code = await review([
      "--markdown",
      md,
      "--json",
      json,
      "--state",
      fixture("stack-export.json"),
      fixture("changes.json"),
    ]);
    assert.equal(code, EXIT.ok, output.stderr);
    assert.match(readFileSync(md, "utf8"), /^<!-- pulumi-identity review -->\n### Access review/);
    const report = JSON.parse(readFileSync(json, "utf8"));
    assert.ok(Array.isArray(report.groups) && report.groups.length > 0);
    assert.match(output.stderr, new RegExp(`^wrote ${md} and ${json}: \\d+ member\\(s\\) added`));
    assert.equal(output.stdout, "");
  });

  test("the JSON report alone to standard output", async () => {
    assert.equal(await review(["--json", "-", fixture("removals-only.json")]), EXIT.ok);
    assert.equal(JSON.parse(output.stdout).groups.length, 1);
    assert.equal(output.stderr, "");
  });

  test("a failed preview: the report is written, and the exit code says the preview failed", async () => {
    assert.equal(await review([fixture("failed.json")]), EXIT.failed);
    assert.match(output.stderr, /^the preview failed, so `pulumi up` would not run: /);
    assert.match(output.stdout, /pulumi-identity review/);
  });

  test("files it cannot read or write are named, with the option and why", async () => {
    assert.equal(await review([join(tmpdir(), "no-such-preview.json")]), EXIT.failed);
    assert.match(output.stderr, /^cannot read FILE \S+no-such-preview\.json: no such file\n$/);
    output.clear();
    const missing = join(tmpdir(), "no-such-dir", "state.json");
    assert.equal(await review(["--state", missing, fixture("changes.json")]), EXIT.failed);
    assert.match(output.stderr, /^cannot read --state \S+state\.json: no such file\n$/);
    output.clear();
    const unwritable = join(tmpdir(), "no-such-dir", "review.md");
    assert.equal(await review(["--markdown", unwritable, fixture("changes.json")]), EXIT.failed);
    assert.match(output.stderr, /^cannot write \S+review\.md: ENOENT/);
  });

  test("usage errors name the option and its value, then show the usage", async () => {
    assert.equal(await review(["--max-names", "0", fixture("changes.json")]), EXIT.usage);
    assert.match(
      output.stderr,
      /^--max-names 0 is not a whole number from 1 to 100; e\.g\. --max-names 20\n\nUsage: pulumi-identity review/,
    );
    output.clear();
    assert.equal(await review(["a.json", "b.json"]), EXIT.usage);
    assert.match(output.stderr, /^one preview at a time: got 2 files \(a\.json, b\.json\)/);
    output.clear();
    assert.equal(await review(["--markdown", "-", "--json", "-"]), EXIT.usage);
    assert.match(output.stderr, /cannot both go to standard output/);
    output.clear();
    assert.equal(await review(["--colour"]), EXIT.usage);
    assert.match(output.stderr, /--colour/);
  });
});
