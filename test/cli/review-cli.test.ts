import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { fixtureDir, fixtureText } from "./review-fixtures";
import { runCli } from "./run-cli";

// `pulumi-identity review` as CI runs it: a file or standard input in, reports out, exit codes.
// Each run starts Node.js with tsx (about a second, more on a busy machine): hence the timeout.

const fixturePath = (name: string) => join(fixtureDir, name);

describe("pulumi-identity review", { timeout: 60_000 }, () => {
  test("--help shows the options and exit codes; the bare command lists the commands and exits 2", async () => {
    const help = await runCli(["review", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: pulumi-identity review \[options\] \[FILE\]/);
    assert.match(help.stdout, /Exit codes:\n {2}0 {2}the report was written\n {2}1 /);
    const bare = await runCli([]);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /\n {2}review {5}an access review of `pulumi preview --json`/);
    assert.match(bare.stderr, /\n {2}import {5}write a TypeScript module/);
  });

  test("a preview on standard input: the Markdown on standard output, exit 0", async () => {
    const run = await runCli(["review"], { input: fixtureText("removals-only.json") });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^<!-- pulumi-identity review -->\n### Access review of stack `test`\n\n\*\*1 member removed\*\* in 1 group\n/,
    );
    assert.equal(run.stderr, "");
  });

  test("both reports to files; --fail-on-grant exits 3 and says why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "review-cli-"));
    const md = join(dir, "review.md");
    const json = join(dir, "review.json");
    const args = ["review", "--markdown", md, "--json", json, "--fail-on-grant"];
    const run = await runCli([...args, fixturePath("changes.json")]);
    assert.equal(run.code, 3);
    assert.match(
      run.stderr,
      /^wrote .*review\.md and .*review\.json: 9 member\(s\) added and 6 removed in 11 group\(s\), 7 user change\(s\)\n/,
    );
    assert.match(
      run.stderr,
      /the change grants access \(--fail-on-grant\):\n {2}- the members of group "compsons" are secret\n/,
    );
    assert.match(readFileSync(md, "utf8"), /^<!-- pulumi-identity review -->/);
    const report = JSON.parse(readFileSync(json, "utf8"));
    assert.equal(report.version, 1);
    assert.equal(report.grantsAccess, true);
    assert.equal(report.summary.membersAdded, 9);
    assert.equal(report.groups.length, 11);
    const removals = await runCli([
      "review",
      "--fail-on-grant",
      "--json",
      "-",
      fixturePath("removals-only.json"),
    ]);
    assert.equal(removals.code, 0);
    assert.equal(JSON.parse(removals.stdout).grantsAccess, false);
  });

  test("a failed preview: the report says so, the command exits 1", async () => {
    const run = await runCli(["review", fixturePath("failed.json")]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /\*\*The preview failed\*\*/);
    assert.match(
      run.stderr,
      /^the preview failed, so `pulumi up` would not run: .*nobody-by-that-name/,
    );
  });

  test("input that cannot be used exits 1, naming the file and what to give", async () => {
    const [notJson, missing, badState] = await Promise.all([
      runCli(["review"], { input: "Previewing update (prod):\n" }),
      runCli(["review", "no-such-preview.json"]),
      runCli(["review", "--state", fixturePath("changes.json"), fixturePath("changes.json")]),
    ]);
    assert.equal(notJson.code, 1);
    assert.match(
      notJson.stderr,
      /^standard input is not JSON \(.*\); give the output of `pulumi preview --json`/,
    );
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, "cannot read FILE no-such-preview.json: no such file\n");
    assert.equal(badState.code, 1);
    assert.match(
      badState.stderr,
      /^--state .*changes\.json is JSON but not `pulumi stack export` output/,
    );
  });

  test("usage errors exit 2, naming the option, its value and the fix", async () => {
    const [names, unknown, both] = await Promise.all([
      runCli(["review", "--max-names", "0", fixturePath("changes.json")]),
      runCli(["review", "--colour"]),
      runCli(["review", "--markdown", "-", "--json", "-"]),
    ]);
    assert.equal(names.code, 2);
    assert.match(
      names.stderr,
      /^--max-names 0 is not a whole number from 1 to 100; e\.g\. --max-names 20\n\nUsage: pulumi-identity review/,
    );
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--colour'/);
    assert.equal(both.code, 2);
    assert.match(
      both.stderr,
      /^--markdown - and --json - cannot both go to standard output; give one a FILE/,
    );
  });
});
