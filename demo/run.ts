import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "../emulator";
import { MemberSet } from "../provider/asa/member-set";
import { isSoftDeleted } from "../provider/asa/schemas";
import { configureForEmulator } from "../test/harness/emulator-config";
import { repoRoot } from "../test/harness/pulumi-cli";
import { PulumiProgram } from "../test/harness/pulumi-program";

// The quickstart (Pulumi.yaml and quickstart/) against the emulators, with the real Pulumi CLI in a
// temporary file backend. Each step says what it shows, then checks that it did; any failed check
// ends the demo with a non-zero exit.

const group = "compson-household";
const declaredMembers = ["Benjy.Compson", "Jason.Compson.IV"];
const intruder = "Caddy.Compson";

class DemoCheckFailed extends Error {}

function check(condition: boolean, failure: string): asserts condition {
  if (!condition) throw new DemoCheckFailed(failure);
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");

let stepNumber = 0;
function step(command: string, shows: string) {
  stepNumber += 1;
  console.log(`\n[${stepNumber}/7] ${command}\n    ${shows}`);
}
const ok = (what: string) => console.log(`    ✓ ${what}`);

async function main() {
  const started = Date.now();
  console.log(
    "pulumi-identity demo: the quickstart against local emulators of ASA, Secureframe and ScaiKey",
  );
  const emulator = await startEmulator();
  const { team } = emulator.credentials.asa;
  const stack = await PulumiProgram.create({
    stack: "demo",
    files: {
      "Pulumi.yaml": readFileSync(join(repoRoot, "Pulumi.yaml"), "utf8"),
      "quickstart/index.ts": readFileSync(join(repoRoot, "quickstart", "index.ts"), "utf8"),
    },
  });
  try {
    await configureForEmulator(stack, emulator);
    // The identity provider has given Caddy an ASA account; she is in no group yet.
    await emulator.control.asa.createUser(team, {
      name: intruder,
      details: { first_name: "Candace", last_name: "Compson", email: "caddy.compson@example.com" },
    });
    console.log(`    emulators at ${emulator.url}; stack "demo" in ${stack.backend}`);
    await run(stack, emulator, team);
    console.log(`\nDemo passed in ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    stack.dispose();
    await emulator.stop();
  }
}

async function run(stack: PulumiProgram, emulator: RunningEmulator, team: string) {
  const membersNow = async () =>
    [...(await emulator.control.asa.group(team, group)).members].sort();

  step(
    "pulumi preview --diff",
    "What the first `pulumi up` will do, as a reviewer sees it in a pull request.",
  );
  const firstPreview = await stack.previewDiffText();
  console.log(indent(firstPreview));
  const planned = await stack.preview();
  check(
    planned.changes.create === 6,
    `expected 6 resources to create, the preview plans ${JSON.stringify(planned.changes)}`,
  );
  ok(
    "6 to create: the stack, a group, its members, a Secureframe leaver (2), a locked ScaiKey user",
  );

  step("pulumi up", "Makes it so: creates the group, adds its members, updates the two users.");
  const up = await stack.up();
  check(up.changes.create === 6, `pulumi up created ${JSON.stringify(up.changes)}`);
  check(
    JSON.stringify(await membersNow()) === JSON.stringify(declaredMembers),
    `ASA group ${group} has ${await membersNow()}`,
  );
  const caddy = (await emulator.control.secureframe.users()).find(
    (u) => u.email === "caddy.compson@example.com",
  );
  check(
    caddy?.active === false && caddy.end_date?.startsWith("2026-12-31") === true,
    "Secureframe: Caddy is not an inactive leaver",
  );
  const jason = (await emulator.control.scaikey.users()).find(
    (u) => u.email === "jason.compson@example.com",
  );
  check(jason?.status === "LOCKED", `ScaiKey: Jason is ${jason?.status}, not LOCKED`);
  ok(
    `ASA ${group}: ${declaredMembers.join(", ")}; Secureframe: Caddy inactive, ends 2026-12-31; ScaiKey: Jason LOCKED`,
  );

  step(
    `(in the ASA console) add ${intruder} to ${group}`,
    "Someone grants access by hand, outside the code.",
  );
  await emulator.control.asa.addGroupMember(team, group, intruder);
  ok(`ASA ${group} now has ${(await membersNow()).join(", ")}`);

  step(
    "pulumi refresh",
    "Reads every resource back from the APIs: the drift shows up in the stack's state.",
  );
  const refresh = await stack.refresh();
  check(
    refresh.changes.update === 1,
    `refresh should record one changed resource, got ${JSON.stringify(refresh.changes)}`,
  );
  const recorded = stack
    .resources()
    .find((r) => r.type === "pulumi-nodejs:dynamic/asa:GroupMembership");
  check(
    MemberSet.from(recorded?.outputs?.members).has(intruder),
    `state does not show ${intruder}`,
  );
  ok(`state now records ${intruder} as a member of ${group}`);

  step("pulumi preview --diff", "Names exactly who the next `pulumi up` removes.");
  const driftPreview = await stack.previewDiffText();
  console.log(indent(driftPreview));
  const removed = [...driftPreview.matchAll(/^\s*-\s+([\w.-]+)\s*:\s*true$/gm)].map((m) => m[1]);
  const added = [...driftPreview.matchAll(/^\s*\+\s+([\w.-]+)\s*:\s*true$/gm)].map((m) => m[1]);
  check(
    removed.join() === intruder && added.length === 0,
    `the preview should remove ${intruder} only; it removes [${removed}] and adds [${added}]`,
  );
  ok(`the preview removes ${intruder} and nobody else`);

  step("pulumi up", "Restores the declared member list.");
  const restore = await stack.up();
  check(restore.changes.update === 1, `pulumi up changed ${JSON.stringify(restore.changes)}`);
  check(
    JSON.stringify(await membersNow()) === JSON.stringify(declaredMembers),
    `ASA ${group} has ${await membersNow()}`,
  );
  ok(`ASA ${group}: ${(await membersNow()).join(", ")}`);

  step(
    "pulumi destroy",
    "Removes what the stack manages: the group and its members; the users stay as they are.",
  );
  const destroy = await stack.destroy();
  check(destroy.changes.delete === 6, `pulumi destroy deleted ${JSON.stringify(destroy.changes)}`);
  check(stack.resources().length === 0, "resources are left in the stack's state");
  const deleted = await emulator.control.asa.group(team, group);
  check(isSoftDeleted(deleted), `ASA ${group} was not deleted`);
  ok("the stack is empty and the ASA group is deleted");
}

main().catch((error) => {
  console.error(error instanceof DemoCheckFailed ? `\n✗ ${error.message}` : error);
  process.exit(1);
});
