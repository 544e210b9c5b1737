// asa.Group + asa.GroupMembership at scale, through the real CLI (the package from its tarball)
// against the emulator answering each ASA request after a fixed latency: for create, no-op
// preview, refresh, update and destroy, the requests sent against the computed minimum and the
// wall time against the bound the requests allow; the state's bytes per member; a one-membership
// program's preview against an empty program's; the provider host's peak memory.
// Run: npm run bench:scale [-- --groups 100 --members 50 --latency 25 --concurrency 10]

import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import type { Counters } from "../emulator/traffic";
import { configureForEmulator } from "../test/harness/emulator-config";
import { PulumiProgram, type StateResource } from "../test/harness/pulumi-program";

const { values } = parseArgs({
  options: {
    groups: { type: "string", default: "100" },
    members: { type: "string", default: "50" },
    latency: { type: "string", default: "25" },
    concurrency: { type: "string", default: "10" },
  },
});
const groups = Number(values.groups);
const members = Number(values.members);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);
const PAGE = 100;

const pad = (i: number) => String(i).padStart(5, "0");
const groupNames = Array.from({ length: groups }, (_, g) => `group-${pad(g)}`);
/** Each group its own members; one spare user per group for the update. */
const membersOf = (g: number, shift = 0) =>
  Array.from({ length: members }, (_, m) => `person-${pad(g * (members + 1) + m + shift)}`);
const teamUsers = groups * (members + 1);

const program = `import * as fs from "node:fs";
import * as identity from "pulumi-identity";
const declared: Record<string, string[]> = JSON.parse(fs.readFileSync("groups.json", "utf8"));
for (const [name, members] of Object.entries(declared)) {
  const group = new identity.asa.Group(name, { name, roles: ["access_user"] });
  new identity.asa.GroupMembership(\`\${name}-members\`, { group, members });
}
`;
const bareDynamicProgram = `import * as pulumi from "@pulumi/pulumi";
const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: "bare", outs: inputs };
  },
};
class Bare extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super(provider, name, { value: 1 });
  }
}
new Bare("bare");
`;
const groupsFile = (shift: number) =>
  JSON.stringify(Object.fromEntries(groupNames.map((name, g) => [name, membersOf(g, shift)])));

/** Requests by route, the token requests apart (one per provider process, at most). */
function tally(counters: Counters) {
  let requests = 0;
  let tokens = 0;
  for (const [route, n] of Object.entries(counters.asa)) {
    if (route.endsWith("/service_token")) tokens += n;
    else requests += n;
  }
  return { requests, tokens, routes: counters.asa };
}

/** The provider host's peak resident memory while `run` runs (sampled every 100 ms). */
async function peakProviderMemory<T>(run: () => Promise<T>): Promise<{ result: T; mb: number }> {
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      const ps = execFileSync("ps", ["-eo", "rss=,args="], { encoding: "utf8" });
      for (const line of ps.split("\n")) {
        if (!line.includes("dynamic-provider")) continue;
        peakKb = Math.max(peakKb, Number(line.trim().split(/\s+/)[0]));
      }
    } catch {
      // ps can fail while processes come and go; the next sample counts.
    }
  }, 100);
  try {
    return { result: await run(), mb: peakKb / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Where the state's bytes go, per member (compact JSON, as the state file holds them): the member
 * names in inputs and outputs, the rest of the properties this package writes (the serialized
 * provider among them), and what the engine records of every resource whatever its provider.
 */
function stateSplit(resources: readonly StateResource[], memberCount: number) {
  const size = (value: unknown) => (value === undefined ? 0 : JSON.stringify(value).length);
  let names = 0;
  let ours = 0;
  let provider = 0;
  let engine = 0;
  let stackTraces = 0;
  for (const resource of resources) {
    const { inputs, outputs, ...record } = resource as StateResource & Record<string, unknown>;
    if (!resource.type.startsWith("pulumi-nodejs:dynamic/")) {
      engine += size(resource); // the stack and the default provider
      continue;
    }
    for (const props of [inputs, outputs]) {
      if (!props) continue;
      names += size(props.members);
      provider += size(props.__provider);
      ours += size(props) - size(props.members);
    }
    engine += size(record);
    stackTraces += size(record.stackTrace);
  }
  const per = (bytes: number) => bytes / memberCount;
  return {
    names: per(names),
    ours: per(ours),
    provider: per(provider),
    engine: per(engine),
    stackTraces: per(stackTraces),
  };
}

async function seconds<T>(run: () => Promise<T>): Promise<{ result: T; s: number }> {
  const start = performance.now();
  const result = await run();
  return { result, s: (performance.now() - start) / 1000 };
}

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const all: number[] = [];
  for (let i = 0; i < times; i++) all.push((await seconds(run)).s);
  return all.sort((a, b) => a - b)[Math.floor(times / 2)] as number;
}

async function main() {
  const emulator = await startEmulator({ empty: true });
  const { team } = emulator.credentials.asa;
  await emulator.control.asa.createUsers(
    team,
    Array.from({ length: teamUsers }, (_, i) => ({ name: `person-${pad(i)}` })),
  );

  // The floor: an empty program (what `pulumi new typescript` starts from) and a program with one
  // bare dynamic resource of Pulumi's own (the cost of any dynamic provider: its host process),
  // against a one-membership program; their previews send nothing.
  const empty = await PulumiProgram.create({
    files: {
      "index.ts":
        'import * as pulumi from "@pulumi/pulumi";\nexport const name = pulumi.getStack();\n',
    },
  });
  const bare = await PulumiProgram.create({ files: { "index.ts": bareDynamicProgram } });
  const one = await PulumiProgram.create({
    files: {
      "index.ts": program,
      "groups.json": JSON.stringify({ solo: [`person-${pad(0)}`] }),
    },
  });
  await configureForEmulator(empty, emulator);
  await bare.up();
  await configureForEmulator(one, emulator);
  await one.up();
  const emptyPreview = await median(3, () => empty.preview());
  const onePreview = await median(3, () => one.preview());
  const barePreview = await median(3, () => bare.preview());
  bare.dispose();
  // Each operation's floor: the same operation on the empty program.
  const floor = {
    create: await median(3, () => empty.up()),
    "no-op preview": emptyPreview,
    refresh: await median(3, () => empty.refresh()),
    update: 0,
    destroy: await median(3, () => empty.destroy()),
  };
  floor.update = floor.create;
  await one.destroy();
  empty.dispose();
  one.dispose();

  const stack = await PulumiProgram.create({
    files: { "index.ts": program, "groups.json": groupsFile(0) },
  });
  await configureForEmulator(stack, emulator);
  if (concurrency !== 10) await stack.setConfig("identity:asaMaxConnections", String(concurrency));
  await emulator.control.setFaults({ asa: { latency: { fixedMs: latencyMs, jitterMs: 0 } } });

  const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE));
  // The team's users as ASA lists them (the service user the emulator's key belongs to included).
  const listed = (await emulator.control.asa.users(team)).length;
  const checkCost = (adds: number) => Math.min(adds, pages(listed));
  const readGroup = 1 + pages(members);
  // What each operation cannot avoid (the token requests apart). The Automation API's `up` skips
  // the preview pass (an interactive `pulumi up` checks the program in both passes, each in its
  // own provider process, and pays what check reads twice).
  const minimum = {
    create: checkCost(groups * members) + groups + groups * members,
    "no-op preview": 0,
    refresh: groups * readGroup,
    // One member swapped per group: the added names checked, each group read before its change
    // (someone may have changed it by hand), one add and one removal.
    update: checkCost(groups) + groups * readGroup + 2 * groups,
    // Each group read (is it still there, not federated?), its members removed, then the group.
    destroy: groups + groups * members + groups,
  };

  const rows: {
    op: keyof typeof minimum;
    requests: number;
    tokens: number;
    s: number;
    min: number;
  }[] = [];
  let providerMb = 0;
  async function op(name: keyof typeof minimum, run: () => Promise<unknown>) {
    // Each operation in an hour of its own: setting the faults again starts ASA's documented
    // 10,000-per-hour window afresh (its headers count, and the client paces itself by them).
    await emulator.control.setFaults({ asa: { latency: { fixedMs: latencyMs, jitterMs: 0 } } });
    await emulator.control.clearCounters();
    const { result: timed, mb } = await peakProviderMemory(() => seconds(run));
    providerMb = Math.max(providerMb, mb);
    const { requests, tokens, routes } = tally(await emulator.control.counters());
    rows.push({ op: name, requests, tokens, s: timed.s, min: minimum[name] });
    console.error(`${name}: ${requests} requests (+${tokens} tokens) in ${timed.s.toFixed(1)} s`);
    console.error(`  ${JSON.stringify(routes)}`);
  }

  await op("create", () => stack.up());
  const state = stack.stateText();
  const resources = stack.resources();
  const membership = resources.find((r) => r.type.endsWith("asa:GroupMembership"));
  const perResource = membership ? JSON.stringify(membership, null, 4).length : 0;
  const split = stateSplit(resources, groups * members);
  await op("no-op preview", () => stack.preview());
  await op("refresh", () => stack.refresh());
  stack.updateFiles({ "groups.json": groupsFile(1) });
  await op("update", () => stack.up());
  await op("destroy", () => stack.destroy());
  stack.dispose();
  await emulator.stop();

  const bound = (op: keyof typeof floor, requests: number) =>
    (requests * latencyMs) / 1000 / concurrency + floor[op];
  console.log(
    `\n${groups} groups × ${members} members, ${listed} team users, ${latencyMs} ms per ASA answer, ${concurrency} in flight`,
  );
  console.log(
    "operation       requests  minimum  ratio (≤ 1.02)   wall s  bound s  ratio (≤ 1.1)   (bound: minimum × latency ÷ in flight + the empty program's same operation)",
  );
  for (const row of rows) {
    const ratio =
      row.min === 0 ? (row.requests === 0 ? "1.00" : "∞") : (row.requests / row.min).toFixed(2);
    const b = bound(row.op, row.min);
    console.log(
      `${row.op.padEnd(15)} ${String(row.requests).padStart(8)}  ${String(row.min).padStart(7)}  ${ratio.padStart(14)}  ${row.s.toFixed(1).padStart(7)}  ${b.toFixed(1).padStart(7)}  ${(row.s / b).toFixed(2).padStart(13)}`,
    );
  }
  const perMember = state.length / (groups * members);
  console.log(`token requests: ${rows.map((r) => `${r.op} ${r.tokens}`).join(", ")}`);
  console.log(
    `state file: ${perMember.toFixed(0)} bytes per member (bound 60); one membership of ${members} in it: ${perResource} bytes`,
  );
  console.log(
    `  of which per member: the members' names ${split.names.toFixed(0)}, the rest of our inputs and outputs ${split.ours.toFixed(0)} (the serialized provider ${split.provider.toFixed(0)}), the engine's own record of each resource ${split.engine.toFixed(0)} (its stack traces ${split.stackTraces.toFixed(0)})`,
  );
  console.log(
    `program overhead: preview of one membership ${onePreview.toFixed(2)} s, of an empty program ${emptyPreview.toFixed(2)} s: ${(onePreview / emptyPreview).toFixed(2)} (bound 1.15); one bare dynamic resource of Pulumi's own ${barePreview.toFixed(2)} s: ${(barePreview / emptyPreview).toFixed(2)}`,
  );
  console.log(
    `provider host peak memory: ${providerMb.toFixed(0)} MB (bound 200 MB at 10,000 memberships)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
