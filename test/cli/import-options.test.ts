import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { canonicalCommand, parseImportOptions } from "../../cli/import/options";
import { runCli } from "./run-cli";

// The import's command line: each wrong flag is refused naming the flag, its value and the fix;
// missing or malformed settings are named as the providers name them, never with a secret's value.

const refused = (args: string[]) => {
  try {
    parseImportOptions(args);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail(`accepted: ${args.join(" ")}`);
};

describe("parseImportOptions", () => {
  test("ASA groups by default; users only when asked for", () => {
    assert.deepEqual(parseImportOptions(["--out", "i.ts"]), {
      out: "i.ts",
      asa: true,
      excludeGroups: [],
    });
    const users = parseImportOptions([
      "--out",
      "i.ts",
      "--secureframe",
      "status",
      "--scaikey",
      "attributes, status",
    ]);
    assert.equal(users?.asa, false);
    assert.deepEqual(users?.secureframe, { status: true, attributes: false });
    assert.deepEqual(users?.scaikey, { status: true, attributes: true });
    assert.equal(parseImportOptions(["--help"]), undefined);
  });

  test("each wrong flag: the flag, its value and the fix", () => {
    assert.equal(
      refused([]),
      "--out FILE is required: the module to write, e.g. --out imported.ts",
    );
    assert.equal(
      refused(["--out", "i.ts", "--asa", "users"]),
      '--asa "users": the ASA part an import reads is groups; give --asa groups',
    );
    assert.equal(
      refused(["--out", "i.ts", "--secureframe", "status,roles"]),
      '--secureframe "status,roles": "roles" is not a part; give status, attributes, or status,attributes',
    );
    assert.equal(
      refused(["--out", "i.ts", "--scaikey", ""]),
      '--scaikey "": "" is not a part; give status, attributes, or status,attributes',
    );
    assert.equal(
      refused(["--out", "i.ts", "--team", "teams/william-faulkner"]),
      '--team "teams/william-faulkner" is not a team name; give the ASA team\'s name, e.g. "william-faulkner"',
    );
    assert.equal(
      refused(["--out", "i.ts", "--stack", ""]),
      '--stack "" is empty; give the stack\'s name',
    );
    assert.match(refused(["--out", "i.ts", "--teams", "x"]), /Unknown option '--teams'/);
    assert.equal(
      refused(["--out", "i.ts", "--team", "ops", "--secureframe", "status"]),
      "--team is about ASA groups, which this import does not read (--secureframe or --scaikey alone leave them out); add --asa groups",
    );
    assert.doesNotThrow(() =>
      parseImportOptions([
        "--out",
        "i.ts",
        "--team",
        "ops",
        "--asa",
        "groups",
        "--scaikey",
        "status",
      ]),
    );
  });

  test("the module's header: the options that decide its content, in one order", () => {
    const a = parseImportOptions([
      "--out",
      "a.ts",
      "--scaikey",
      "status",
      "--asa",
      "groups",
      "--exclude-group",
      "z",
      "--exclude-group",
      "a b",
      "--team",
      "William-Faulkner",
      "--stack",
      "prod",
    ]);
    const b = parseImportOptions([
      "--exclude-group",
      "a b",
      "--team",
      "william-faulkner",
      "--asa",
      "groups",
      "--exclude-group",
      "z",
      "--scaikey",
      "status",
      "--out",
      "b.ts",
    ]);
    assert.ok(a && b);
    assert.equal(canonicalCommand(a), canonicalCommand(b));
    assert.equal(
      canonicalCommand(a),
      'pulumi-identity import --asa groups --scaikey status --team "william-faulkner" --exclude-group "a b" --exclude-group "z"',
    );
  });
});

describe("pulumi-identity import, refusing before any request", { timeout: 60_000 }, () => {
  const bare = { PATH: process.env.PATH ?? "" };

  test("a missing setting: exit 2, its config key and variable, and that --stack reads the config", async () => {
    const dir = mkdtempSync(join(tmpdir(), "import-cli-"));
    const run = await runCli(["import", "--out", join(dir, "i.ts")], {
      env: { ...bare, ASA_TEAM: "william-faulkner", ASA_KEY_ID: "key-id" },
    });
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /^Missing identity:asaKeySecret: set it with `pulumi config set --secret identity:asaKeySecret <value>` or the environment variable ASA_KEY_SECRET\. \(the stack config is read with --stack NAME\)\n/,
    );
  });

  test("a malformed setting: exit 2, named with its value; a secret's value never shown", async () => {
    const dir = mkdtempSync(join(tmpdir(), "import-cli-"));
    const secret = "very-secret-value";
    const env = {
      ...bare,
      SCAIKEY_BASE_URL: "https://scaikey.example.com",
      SCAIKEY_CLIENT_ID: "client",
      SCAIKEY_CLIENT_SECRET: secret,
      SCAIKEY_TENANT: "compson-household",
    };
    const out = join(dir, "i.ts");
    const run = await runCli(["import", "--out", out, "--scaikey", "status"], { env });
    assert.equal(run.code, 2, run.stderr);
    assert.match(
      run.stderr,
      /^SCAIKEY_TENANT = "compson-household" \(environment\) is not a ScaiKey tenant id/,
    );
    assert.ok(!run.stderr.includes(secret) && !run.stdout.includes(secret));
  });

  test("an --out this command did not write is left alone: exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "import-cli-"));
    const out = join(dir, "index.ts");
    writeFileSync(out, "export {};\n");
    const run = await runCli(["import", "--out", out], { env: bare });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^--out \S+index\.ts exists and was not written by pulumi-identity import/,
    );
    assert.equal(readFileSync(out, "utf8"), "export {};\n");
  });

  test("--help: the options and exit codes", async () => {
    const run = await runCli(["import", "--help"]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: pulumi-identity import --out FILE \[options\]/);
    assert.match(run.stdout, /\nExit codes:\n {2}0 {2}the module was written\n/);
  });
});
