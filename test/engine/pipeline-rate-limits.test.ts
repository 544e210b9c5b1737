import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { type EngineRun, PulumiProgram } from "../harness/pulumi-program";

// When an API pushes back with its rate limit, one `pulumi up` rides it out: a 429 pauses every
// call, queued calls wait without spending attempts, and the wait shows on the resource's row.

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

async function stackOf(index: string, env?: Record<string, string>): Promise<PulumiProgram> {
  const stack = await PulumiProgram.create({
    files: { "index.ts": index },
    ...(env ? { env } : {}),
  });
  stacks.push(stack);
  await configureForEmulator(stack, emulator);
  return stack;
}

/** A group and its members, declared in one program. */
async function groupProgram(group: string, members: string[]): Promise<string> {
  await emulator.control.asa.createUsers(
    team,
    members.map((name) => ({ name })),
  );
  return `import * as identity from "pulumi-identity";
const group = new identity.asa.Group("${group}", { name: "${group}", roles: ["access_user"] });
new identity.asa.GroupMembership("${group}-members", { group, members: ${JSON.stringify(members)} });
`;
}

const membersOf = async (group: string) =>
  [...(await emulator.control.asa.group(team, group)).members].sort();

/** The ephemeral messages the engine showed on one resource's row. */
function rowMessages(run: EngineRun, resource: string): string[] {
  return run.events.flatMap((event) => {
    const diagnostic = event.diagnosticEvent as
      | { message: string; urn?: string; ephemeral?: boolean }
      | undefined;
    return diagnostic?.ephemeral && diagnostic.urn?.endsWith(`::${resource}`)
      ? [diagnostic.message.trim()]
      : [];
  });
}

async function tooManyRequests(): Promise<number> {
  return (await emulator.control.statuses()).asa["429"] ?? 0;
}

test("200 members under ASA's 20 requests per 2 s: one up, no failure, no 429, progress on the membership's row", async () => {
  const members = people("big", 200);
  const stack = await stackOf(await groupProgram("big", members));
  await emulator.control.setFaults({ asa: { rateLimit: { requests: 20, windowMs: 2_000 } } });
  await emulator.control.clearCounters();
  const run = await stack.up();
  await emulator.control.clearFaults();

  assert.deepEqual(run.changes, { create: 3 });
  assert.deepEqual(await membersOf("big"), members);
  // Each window's remaining count paces the calls, so the server never has to refuse one.
  assert.equal(await tooManyRequests(), 0);
  const progress = rowMessages(run, "big-members");
  assert.ok(
    progress.some((m) =>
      /members of group "big": 200 to add, 0 to remove: \d+ of 200 done/.test(m),
    ),
    progress.join("\n"),
  );
});

test("a pause over 10 s says, on the resource's row, what it waits for and until when", async () => {
  const members = people("slow", 24);
  const stack = await stackOf(await groupProgram("slow", members));
  await emulator.control.setFaults({ asa: { rateLimit: { requests: 15, windowMs: 12_000 } } });
  const run = await stack.up();
  await emulator.control.clearFaults();

  assert.deepEqual(await membersOf("slow"), members);
  const waits = rowMessages(run, "slow-members").filter((m) => m.includes("waiting for"));
  assert.ok(waits.length > 0, rowMessages(run, "slow-members").join("\n"));
  assert.match(
    waits[0] ?? "",
    /^asa\.GroupMembership: .*waiting for Okta ASA's rate limit until \d\d:\d\d:\d\d UTC \(1\d s, from X-RateLimit-Reset\)$/,
  );
});

test("many resources share one limit: 20 groups of 25 members under 50 requests per second", async () => {
  const members = people("wide", 25);
  await emulator.control.asa.createUsers(
    team,
    members.map((name) => ({ name })),
  );
  const stack = await stackOf(`import * as identity from "pulumi-identity";
for (let g = 0; g < 20; g += 1) {
  const group = new identity.asa.Group(\`wide-\${g}\`, { name: \`wide-\${g}\`, roles: [] });
  new identity.asa.GroupMembership(\`wide-\${g}-members\`, { group, members: ${JSON.stringify(members)} });
}
`);
  await emulator.control.setFaults({ asa: { rateLimit: { requests: 50, windowMs: 1_000 } } });
  await emulator.control.clearCounters();
  const run = await stack.up();
  await emulator.control.clearFaults();

  assert.deepEqual(run.changes, { create: 41 });
  for (let g = 0; g < 20; g += 1) assert.deepEqual(await membersOf(`wide-${g}`), members);
  assert.equal(await tooManyRequests(), 0);
});

test("Secureframe's limit (500 per minute, scaled to 40 per 4 s) is kept by the client: no 429", async () => {
  const created = await emulator.control.secureframe.createUsers(
    people("sf", 60).map((name) => ({
      email: `${name}@example.com`,
      first_name: name,
      active: true,
    })),
  );
  const ids = created.map((user) => user.id);
  // Secureframe sends no rate headers: the client's own limit, set to the server's, paces it.
  const stack = await stackOf(
    `import * as identity from "pulumi-identity";
for (const id of ${JSON.stringify(ids)}) new identity.secureframe.UserStatus(id, { user: id, active: false });
`,
    { PULUMI_IDENTITY_SECUREFRAME_RATE_LIMIT: "40/4s" },
  );
  await emulator.control.setFaults({
    secureframe: { rateLimit: { requests: 40, windowMs: 4_000 } },
  });
  await emulator.control.clearCounters();
  const run = await stack.up();
  await emulator.control.clearFaults();

  assert.equal(run.changes.create, 61);
  const live = await emulator.control.secureframe.users();
  assert.ok(ids.every((id) => live.find((user) => user.id === id)?.active === false));
  assert.equal((await emulator.control.statuses()).secureframe["429"] ?? 0, 0);
});

test("a wait longer than the call's budget fails at once, saying until when", async () => {
  const members = people("hourly", 3);
  const stack = await stackOf(await groupProgram("hourly", members), {
    PULUMI_IDENTITY_ASA_RETRY_MAX_WAIT_MS: "5000",
  });
  // One request an hour: the window is spent by the token exchange.
  await emulator.control.setFaults({ asa: { rateLimit: { requests: 1, windowMs: 3_600_000 } } });
  const started = Date.now();
  const run = await stack.up({ allowFailure: true });
  await emulator.control.clearFaults();

  assert.notEqual(run.exitCode, 0);
  assert.ok(Date.now() - started < 60_000, "it did not wait for the hour");
  assert.match(
    `${run.stdout}\n${run.stderr}`,
    /rate limit is used up until \d{4}-\d\d-\d\dT[\d:.]+Z \(x-ratelimit-(reset|retry-at)\), \d+ s from now, longer than the \d s left of the call's wait budget/,
  );
});
