import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { test } from "vitest";
import { parse } from "yaml";
import { useEmulatorStack } from "../harness/emulator-stack";
import { repoRoot } from "../harness/pulumi-cli";
import { type ProcessRun, runProcess } from "../harness/run-process";

// `pulumi-identity review` on what the real CLI prints: a 1,000-member group where 4 members
// change. `pulumi preview --diff` prints every member; the review names the 4, with the role
// they gain or lose, in a handful of lines. The command is the installed package's bin.

const names = Array.from({ length: 1002 }, (_, i) => `member-${String(i + 1).padStart(4, "0")}`);
const before = names.slice(0, 1000);
// Two leave (member-0001, member-0500), two join (member-1001, member-1002).
const after = [...names.slice(1, 499), ...names.slice(500, 1002)];

const program = (members: string[], status: string) => `
import * as identity from "pulumi-identity";
const platform = new identity.asa.Group("platform", { name: "platform", roles: ["access_user"] });
new identity.asa.GroupMembership("platform", { group: platform, members: ${JSON.stringify(members)} });
new identity.asa.UserStatus("jason-status", { username: "Jason.Compson.IV", status: "${status}" });
`;

const use = useEmulatorStack({ files: { "index.ts": program(before, "ACTIVE") } }, (emulator) =>
  emulator.control.asa
    .createUsers(
      emulator.credentials.asa.team,
      names.map((name) => ({ name })),
    )
    .then(() => undefined),
);

/** The package's own bin, as installed in the program's node_modules, fed `input`. */
function review(args: string[], input: string): Promise<ProcessRun> {
  const bin = join(use.stack.dir, "node_modules", ".bin", "pulumi-identity");
  return runProcess(bin, ["review", ...args], { cwd: use.stack.dir, input });
}

test("4 changes in a 1,000-member group: the review names those 4 and the role, in a few lines", async () => {
  const { stack } = use;
  await stack.up();
  stack.updateFiles({ "index.ts": program(after, "DISABLED") });

  const diff = await stack.previewDiffText();
  const listed = diff.split("\n").filter((line) => /member-\d{4}/.test(line)).length;
  assert.ok(listed >= 1000, `preview --diff listed ${listed} member lines`);

  const preview = await stack.pulumi(["preview", "--refresh", "--json"]);
  const run = await review(["--fail-on-grant"], preview.stdout);
  assert.equal(run.code, 3, run.stderr);
  assert.equal(
    run.stdout,
    [
      "<!-- pulumi-identity review -->",
      "### Access review of stack `test`",
      "",
      "**2 members added, 2 members removed** in 1 group · 1 user change",
      "",
      "#### Groups (ASA team `william-faulkner`)",
      "",
      "- **`platform`** grants `access_user`",
      "  - added (2): `member-1001`, `member-1002`",
      "  - removed (2): `member-0001`, `member-0500`",
      "",
      "#### Users",
      "",
      "- `Jason.Compson.IV` (ASA team `william-faulkner`, asa.UserStatus `jason-status`): `status` `ACTIVE` → `DISABLED`",
      "",
    ].join("\n"),
  );
  assert.match(
    run.stderr,
    /^the change grants access \(--fail-on-grant\):\n {2}- 2 member\(s\) added to group "platform"\n$/,
  );
});

test("the JSON report of a plain preview, with the roles of the unchanged group from --state", async () => {
  const { stack } = use;
  const preview = await stack.pulumi(["preview", "--json"]);
  const state = join(stack.root, "state.json");
  await stack.pulumi(["stack", "export", "--file", state]);
  const alone = JSON.parse((await review(["--json", "-"], preview.stdout)).stdout);
  assert.equal(alone.groups[0].roles, null);
  const run = await review(["--json", "-", "--state", state], preview.stdout);
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(report.groups, [
    {
      team: "william-faulkner",
      name: "platform",
      group: "unchanged",
      roles: { before: ["access_user"], after: ["access_user"] },
      members: {
        kind: "listed",
        added: ["member-1001", "member-1002"],
        removed: ["member-0001", "member-0500"],
        after: 1000,
      },
      memberCount: 1000,
    },
  ]);
  assert.deepEqual(
    report.users.map((u: { user: string; fields: unknown }) => [u.user, u.fields]),
    [["Jason.Compson.IV", [{ field: "status", before: "ACTIVE", after: "DISABLED" }]]],
  );
  assert.equal(report.grantsAccess, true);
});

/** The `run:` steps of a job of docs/ci.md's workflow, as written, `npm ci` apart. */
function workflowSteps(job: string): string[] {
  const text = readFileSync(join(repoRoot, "docs", "ci.md"), "utf8");
  const block = /```yaml\n(# \.github\/workflows\/access\.yml[\s\S]*?)```/.exec(text)?.[1];
  assert.ok(block, "docs/ci.md has no access.yml workflow");
  const steps = parse(block).jobs[job].steps as { run?: string }[];
  return steps.flatMap((step) => (step.run && step.run !== "npm ci" ? [step.run] : []));
}

/** Runs a step with bash in the program's directory, as a runner would with the CLI installed. */
async function runStep(script: string, env: Record<string, string>) {
  try {
    await promisify(execFile)("bash", ["-e", "-c", script], {
      cwd: use.stack.dir,
      env: use.stack.environment({ STACK: use.stack.stack, ...env }),
      maxBuffer: 64 * 1024 * 1024,
    });
    return 0;
  } catch (error) {
    return (error as { code?: number }).code ?? -1;
  }
}

test("docs/ci.md's workflow: the review job comments the review, the drift job summarizes drift", async () => {
  const { stack } = use;
  const summary = join(stack.root, "step-summary.md");
  const env = { GITHUB_STEP_SUMMARY: summary };
  for (const step of workflowSteps("review")) assert.equal(await runStep(step, env), 0, step);
  const comment = readFileSync(join(stack.dir, "review.md"), "utf8");
  assert.match(comment, /\n {2}- added \(2\): `member-1001`, `member-1002`\n/);
  assert.equal(
    JSON.parse(readFileSync(join(stack.dir, "review.json"), "utf8")).summary.membersAdded,
    2,
  );

  const [drift] = workflowSteps("drift");
  assert.ok(drift);
  assert.notEqual(await runStep(drift, env), 0); // the program is not applied yet: drift
  assert.match(
    readFileSync(summary, "utf8"),
    /\n {2}- removed \(2\): `member-0001`, `member-0500`\n/,
  );
  await stack.up();
  writeFileSync(summary, "");
  assert.equal(await runStep(drift, env), 0);
  assert.match(readFileSync(summary, "utf8"), /\nNo access changes\.\n$/);
});
