import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { MemberSet } from "../../provider/asa/member-set";
import { configureForEmulator } from "../harness/emulator-config";
import { PulumiProgram } from "../harness/pulumi-program";

// Faults an API throws at a deploy pipeline: calls that fail half-way say why and the next `up`
// finishes; 5xx answers, dropped connections and revoked tokens are ridden out. Each ends with the
// group holding exactly the declared members.

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

async function stackFor(group: string, members: string[], env?: Record<string, string>) {
  await emulator.control.asa.createUsers(
    team,
    members.map((name) => ({ name })),
  );
  const stack = await PulumiProgram.create({
    files: { "index.ts": programFor(group, members) },
    ...(env ? { env } : {}),
  });
  stacks.push(stack);
  await configureForEmulator(stack, emulator);
  return stack;
}

const membersOf = async (group: string) =>
  [...(await emulator.control.asa.group(team, group)).members].sort();
const adds = async () =>
  (await emulator.control.counters()).asa["POST /v1/teams/:team_name/groups/:group_name/users"] ??
  0;

test("a membership create that partly fails says what was made, what failed and what to run next; the next up finishes", async () => {
  const members = people("partial", 40);
  // One attempt per call, and a third of the adds refused: the create is left half-done.
  const stack = await stackFor("partial", members, { PULUMI_IDENTITY_ASA_RETRY_MAX_ATTEMPTS: "1" });
  // One attempt per call, and about a third of the adds refused: the create is left half-done.
  await emulator.control.setFaults({
    seed: 11,
    asa: {
      serverErrors: {
        share: 0.35,
        status: 503,
        methods: ["POST"],
        paths: ["/groups/partial/users"],
      },
    },
  });
  const run = await stack.up({ allowFailure: true });
  await emulator.control.clearFaults();

  assert.notEqual(run.exitCode, 0);
  const text = run.events.map((event) => event.diagnosticEvent?.message ?? "").join("\n");
  const head =
    /(\d+) of 40 membership changes to group "partial" in team "william-faulkner" failed; the other (\d+) were made: added \2 \(/.exec(
      text,
    );
  assert.ok(head, text);
  const failed = Number(head[1]);
  assert.ok(failed > 0 && failed < 40, `${failed} failed`);
  assert.match(text, /Failed calls:/);
  assert.match(
    text,
    /- add partial-\d{4}: Okta ASA POST \/v1\/teams\/william-faulkner\/groups\/partial\/users failed: 503 service_offline/,
  );
  assert.match(
    text,
    /Run `pulumi up` again to finish: it reads the group and sends only the changes still missing\./,
  );
  assert.doesNotMatch(text, /error: resource init failed\s*$/m);

  // The state is true to what was applied, and the engine will retry the create.
  const live = await membersOf("partial");
  assert.equal(live.length, 40 - failed);
  const membership = stack.resources().find((r) => r.urn.endsWith("::partial-members"));
  assert.ok(membership, "the partly created membership is in the state");
  assert.deepEqual(MemberSet.from(membership?.outputs?.members).list(), live);
  assert.match(stack.stateText(), /"initErrors"/);

  await emulator.control.clearCounters();
  const again = await stack.up();
  assert.equal(again.changes.update, 1);
  assert.deepEqual(await membersOf("partial"), members);
  assert.equal(await adds(), failed, "only the missing members were added");
  const preview = await stack.preview({ refresh: true });
  assert.deepEqual(preview.changes, { same: 3 });
});

test("5xx answers and dropped connections on every call: create and update converge in one up each", async () => {
  const members = people("flaky", 80);
  await emulator.control.asa.createUsers(
    team,
    members.slice(60).map((name) => ({ name })),
  );
  const stack = await stackFor("flaky", members.slice(0, 60));
  await emulator.control.setFaults({
    seed: 5,
    asa: { serverErrors: { share: 0.1, status: 503 }, drops: { share: 0.05 } },
  });
  const created = await stack.up();
  assert.deepEqual(created.changes, { create: 3 });
  assert.deepEqual(await membersOf("flaky"), members.slice(0, 60));

  stack.updateFiles({ "index.ts": programFor("flaky", members.slice(20)) });
  const updated = await stack.up();
  await emulator.control.clearFaults();
  assert.deepEqual(updated.changes, { same: 2, update: 1 });
  assert.deepEqual(await membersOf("flaky"), members.slice(20));
  const statuses = (await emulator.control.statuses()).asa;
  assert.ok((statuses["503"] ?? 0) > 0 && (statuses["0"] ?? 0) > 0, JSON.stringify(statuses));
});

test("every token revoked in the middle of the adds: the calls get a new one and the up converges", async () => {
  const members = people("revoked", 120);
  const stack = await stackFor("revoked", members);
  await emulator.control.setFaults({ asa: { latency: { fixedMs: 10, jitterMs: 0 } } });
  const running = stack.up();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const group = await emulator.control.asa.group(team, "revoked").catch(() => undefined);
    if (group && group.members.length >= 30) break;
  }
  await emulator.control.expireTokens();
  const run = await running;
  await emulator.control.clearFaults();
  assert.deepEqual(run.changes, { create: 3 });
  assert.deepEqual(await membersOf("revoked"), members);
  assert.ok(
    ((await emulator.control.statuses()).asa["401"] ?? 0) > 0,
    "the revoked token was refused",
  );
});
