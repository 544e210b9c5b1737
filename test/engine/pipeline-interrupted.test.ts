import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { PulumiProgram } from "../harness/pulumi-program";

// A deploy job killed mid-way (a CI timeout kills the whole process tree), then the recovery
// docs/ci.md gives: `pulumi cancel` (the file backend's lock outlives the CLI) and
// `pulumi up --refresh --run-program`. No member is lost or duplicated, and nothing else is needed.

let emulator: RunningEmulator;
let team: string;
const stacks: PulumiProgram[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ empty: true });
  team = emulator.credentials.asa.team;
});
afterAll(async () => {
  for (const stack of stacks) stack.dispose();
  await emulator?.stop();
});

const people = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(4, "0")}`);

const programFor = (
  group: string,
  members: string[],
) => `import * as identity from "pulumi-identity";
const group = new identity.asa.Group("${group}", { name: "${group}", roles: ["access_user"] });
new identity.asa.GroupMembership("${group}-members", { group, members: ${JSON.stringify(members)} });
`;

async function stackFor(group: string, members: string[]): Promise<PulumiProgram> {
  const stack = await PulumiProgram.create({ files: { "index.ts": programFor(group, members) } });
  stacks.push(stack);
  await configureForEmulator(stack, emulator);
  return stack;
}

const membersOf = async (group: string) =>
  [...(await emulator.control.asa.group(team, group)).members].sort();

/**
 * `pulumi up`, killed with its plugins once `until` holds. The CLI is started by hand, not
 * through the harness: the point is to SIGKILL its whole process group mid-way.
 */
async function killedUp(stack: PulumiProgram, until: () => Promise<boolean>): Promise<void> {
  const child = spawn("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive"], {
    cwd: stack.dir,
    env: stack.environment(),
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (await until()) break;
  }
  process.kill(-(child.pid as number), "SIGKILL");
  await exited;
}

/** The recovery of docs/ci.md, then a check that nothing is left to do. */
async function recover(stack: PulumiProgram) {
  await stack.pulumi(["cancel", "--yes"]);
  const up = await stack.pulumi(["up", "--refresh", "--run-program", "--yes"], {
    allowFailure: true,
  });
  assert.equal(up.exitCode, 0, `${up.stdout}\n${up.stderr}`);
  const check = await stack.pulumi(
    ["preview", "--refresh", "--run-program", "--expect-no-changes"],
    { allowFailure: true },
  );
  assert.equal(check.exitCode, 0, `${check.stdout}\n${check.stderr}`);
  return up;
}

function assertOneOfEach(stack: PulumiProgram) {
  const types = stack
    .resources()
    .map((r) => r.type)
    .filter((type) => type.includes("asa:"))
    .sort();
  assert.deepEqual(types, [
    "pulumi-nodejs:dynamic/asa:Group",
    "pulumi-nodejs:dynamic/asa:GroupMembership",
  ]);
}

test("killed while creating the group: the next up takes the half-made group over", async () => {
  const members = people("early", 5);
  await emulator.control.asa.createUsers(
    team,
    members.map((name) => ({ name })),
  );
  const stack = await stackFor("early", members);
  // Slow answers, so that the kill lands while the group's create is on the wire.
  await emulator.control.setFaults({ asa: { latency: { fixedMs: 1_500, jitterMs: 0 } } });
  await emulator.control.clearCounters();
  await killedUp(
    stack,
    async () =>
      ((await emulator.control.counters()).asa["POST /v1/teams/:team_name/groups"] ?? 0) > 0,
  );
  await emulator.control.clearFaults();
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the create the emulator still ran
  assert.ok((await emulator.control.asa.groups(team)).some((g) => g.name === "early"));
  assert.equal(stack.resources().filter((r) => r.type.includes("asa:")).length, 0);

  const up = await recover(stack);
  assert.match(
    `${up.stdout}`,
    /group "early" in team "william-faulkner" already existed, with no members and exactly the declared roles/,
  );
  assert.deepEqual(await membersOf("early"), members);
  assertOneOfEach(stack);
});

test("killed half-way through adding 200 members, then half-way through an update: each time the next up finishes exactly", async () => {
  const members = people("mid", 300);
  await emulator.control.asa.createUsers(
    team,
    members.map((name) => ({ name })),
  );
  const declared = members.slice(0, 200);
  const stack = await stackFor("mid", declared);
  await emulator.control.setFaults({ asa: { latency: { fixedMs: 40, jitterMs: 0 } } });
  const reached = (count: number) => async () => {
    const group = await emulator.control.asa.group(team, "mid").catch(() => undefined);
    return group !== undefined && group.members.length >= count;
  };
  await killedUp(stack, reached(60));
  await emulator.control.clearFaults();
  await recover(stack);
  assert.deepEqual(await membersOf("mid"), declared);
  assertOneOfEach(stack);

  // Swap 100 members; killed once the removals and adds are under way.
  const swapped = members.slice(100);
  stack.updateFiles({ "index.ts": programFor("mid", swapped) });
  await emulator.control.setFaults({ asa: { latency: { fixedMs: 40, jitterMs: 0 } } });
  await killedUp(stack, async () => {
    const live = new Set((await emulator.control.asa.group(team, "mid")).members);
    return swapped.filter((name) => live.has(name)).length >= 130;
  });
  await emulator.control.clearFaults();
  await recover(stack);
  assert.deepEqual(await membersOf("mid"), swapped);
  assertOneOfEach(stack);
});
