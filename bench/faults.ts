// One `pulumi up` (the real CLI, the package from its tarball) per scenario, against the emulator
// with faults: does it converge to exactly what is declared, how long does it take against the
// time the server's rate limit allows for its requests, and how many 429s did it meet.
// Run: npm run bench:faults [-- --members 200 --groups 50 --group-members 50 --users 300 --only asa-20-per-2s]

import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { type RunningEmulator, startEmulator } from "../emulator";
import type { FaultsInput } from "../emulator/faults";
import { configureForEmulator } from "../test/harness/emulator-config";
import { PulumiProgram } from "../test/harness/pulumi-program";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "200" },
    groups: { type: "string", default: "50" },
    "group-members": { type: "string", default: "50" },
    users: { type: "string", default: "300" },
    only: { type: "string" },
  },
});
const members = Number(values.members);
const groups = Number(values.groups);
const groupMembers = Number(values["group-members"]);
const users = Number(values.users);

const names = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(5, "0")}`);

interface Scenario {
  name: string;
  /** What the faults do, for the table. */
  what: string;
  /** The server's rate, requests per second, when it bounds the run. */
  rate?: number;
  faults: FaultsInput;
  prepare(emulator: RunningEmulator): Promise<{ program: string; converged(): Promise<boolean> }>;
  /** Runs the deployment; by default one `pulumi up`. */
  deploy?(stack: PulumiProgram, emulator: RunningEmulator): Promise<number>;
}

/** One group of `count` members, declared in one asa.GroupMembership. */
async function oneGroup(emulator: RunningEmulator, count: number) {
  const { team } = emulator.credentials.asa;
  const declared = names("person", count);
  await emulator.control.asa.createUsers(
    team,
    declared.map((name) => ({ name })),
  );
  return {
    program: `import * as identity from "pulumi-identity";
const group = new identity.asa.Group("big", { name: "big", roles: ["access_user"] });
new identity.asa.GroupMembership("big-members", { group, members: ${JSON.stringify(declared)} });
`,
    async converged() {
      const live = [...(await emulator.control.asa.group(team, "big")).members].sort();
      return JSON.stringify(live) === JSON.stringify(declared);
    },
  };
}

/** `groups` groups of `perGroup` members each. */
async function manyGroups(emulator: RunningEmulator, count: number, perGroup: number) {
  const { team } = emulator.credentials.asa;
  const people = names("person", perGroup * 2);
  await emulator.control.asa.createUsers(
    team,
    people.map((name) => ({ name })),
  );
  const declared = (g: number) => people.slice(g % 2 === 0 ? 0 : perGroup / 2).slice(0, perGroup);
  return {
    program: `import * as identity from "pulumi-identity";
const people = ${JSON.stringify(people)};
for (let g = 0; g < ${count}; g += 1) {
  const group = new identity.asa.Group(\`g\${g}\`, { name: \`group-\${g}\`, roles: ["access_user"] });
  const members = people.slice(g % 2 === 0 ? 0 : ${perGroup / 2}).slice(0, ${perGroup});
  new identity.asa.GroupMembership(\`g\${g}-members\`, { group, members });
}
`,
    async converged() {
      for (let g = 0; g < count; g += 1) {
        const live = [...(await emulator.control.asa.group(team, `group-${g}`)).members].sort();
        if (JSON.stringify(live) !== JSON.stringify(declared(g))) return false;
      }
      return true;
    },
  };
}

/** `count` Secureframe users made inactive, each by its own secureframe.UserStatus. */
async function secureframeUsers(emulator: RunningEmulator, count: number) {
  const created = await emulator.control.secureframe.createUsers(
    names("person", count).map((name) => ({
      email: `${name}@example.com`,
      first_name: name,
      active: true,
    })),
  );
  const ids = created.map((user) => user.id);
  return {
    program: `import * as identity from "pulumi-identity";
for (const id of ${JSON.stringify(ids)}) new identity.secureframe.UserStatus(id, { user: id, active: false });
`,
    async converged() {
      const live = await emulator.control.secureframe.users();
      return ids.every((id) => live.find((user) => user.id === id)?.active === false);
    },
  };
}

/** Runs `pulumi up`, kills the CLI and its plugins mid-way, then the recovery docs/ci.md gives. */
async function killedThenRecovered(stack: PulumiProgram, emulator: RunningEmulator) {
  const { team } = emulator.credentials.asa;
  const child = spawn("pulumi", ["up", "--yes", "--skip-preview", "--non-interactive"], {
    cwd: stack.dir,
    env: stack.environment(),
    stdio: "ignore",
    detached: true,
  });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const group = await emulator.control.asa.group(team, "big").catch(() => undefined);
    if (group && group.members.length >= members / 2) break;
  }
  process.kill(-(child.pid as number), "SIGKILL");
  await new Promise((resolve) => setTimeout(resolve, 500));
  await stack.pulumi(["cancel", "--yes"]);
  return (await stack.pulumi(["up", "--refresh", "--run-program", "--yes"], { allowFailure: true }))
    .exitCode;
}

const scenarios: Scenario[] = [
  {
    name: "asa-20-per-2s",
    what: `1 group × ${members} members, ASA allows 20 requests / 2 s`,
    rate: 10,
    faults: { asa: { rateLimit: { requests: 20, windowMs: 2_000 } } },
    prepare: (emulator) => oneGroup(emulator, members),
  },
  {
    name: "asa-50-per-s",
    what: `${groups} groups × ${groupMembers} members, ASA allows 50 requests / s`,
    rate: 50,
    faults: { asa: { rateLimit: { requests: 50, windowMs: 1_000 } } },
    prepare: (emulator) => manyGroups(emulator, groups, groupMembers),
  },
  {
    name: "secureframe-500-per-min",
    what: `${users} Secureframe users made inactive, 500 requests / min`,
    rate: 500 / 60,
    faults: { secureframe: { rateLimit: { requests: 500, windowMs: 60_000 } } },
    prepare: (emulator) => secureframeUsers(emulator, users),
  },
  {
    name: "asa-5xx",
    what: `1 group × ${members} members, 20 % of answers 503`,
    faults: { asa: { serverErrors: { share: 0.2, status: 503 } } },
    prepare: (emulator) => oneGroup(emulator, members),
  },
  {
    name: "asa-drops",
    what: `1 group × ${members} members, 10 % of connections dropped`,
    faults: { asa: { drops: { share: 0.1 } } },
    prepare: (emulator) => oneGroup(emulator, members),
  },
  {
    name: "asa-token-expiry",
    what: `1 group × ${members} members, every token revoked mid-run`,
    faults: { asa: { latency: { fixedMs: 5, jitterMs: 0 } } },
    prepare: (emulator) => oneGroup(emulator, members),
    async deploy(stack, emulator) {
      const run = stack.up({ allowFailure: true });
      const { team } = emulator.credentials.asa;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const group = await emulator.control.asa.group(team, "big").catch(() => undefined);
        if (group && group.members.length >= members / 4) break;
      }
      await emulator.control.expireTokens();
      return (await run).exitCode;
    },
  },
  {
    name: "asa-killed-mid-create",
    what: `1 group × ${members} members, CLI killed half-way, then cancel + up --refresh`,
    faults: { asa: { latency: { fixedMs: 20, jitterMs: 0 } } },
    prepare: (emulator) => oneGroup(emulator, members),
    deploy: killedThenRecovered,
  },
];

async function run(scenario: Scenario) {
  const emulator = await startEmulator({ empty: true });
  const { program, converged } = await scenario.prepare(emulator);
  const stack = await PulumiProgram.create({ files: { "index.ts": program } });
  await configureForEmulator(stack, emulator);
  await emulator.control.setFaults(scenario.faults);
  await emulator.control.clearCounters();
  const started = performance.now();
  const exitCode = scenario.deploy
    ? await scenario.deploy(stack, emulator)
    : (await stack.up({ allowFailure: true })).exitCode;
  const seconds = (performance.now() - started) / 1000;
  await emulator.control.clearFaults();
  const statuses = await emulator.control.statuses();
  const answers = Object.values(statuses).flatMap((byStatus) => Object.entries(byStatus));
  const requests = answers.reduce((sum, [, n]) => sum + n, 0);
  const tooMany = answers.filter(([status]) => status === "429").reduce((sum, [, n]) => sum + n, 0);
  const ok = exitCode === 0 && (await converged());
  stack.dispose();
  await emulator.stop();
  return { ok, seconds, requests, tooMany };
}

async function main() {
  console.log(
    "scenario                  converged  wall s  requests  requests÷rate s  wall÷bound  429s  what",
  );
  for (const scenario of scenarios) {
    if (values.only && !values.only.split(",").includes(scenario.name)) continue;
    const { ok, seconds, requests, tooMany } = await run(scenario);
    const bound = scenario.rate ? requests / scenario.rate : undefined;
    console.log(
      [
        scenario.name.padEnd(25),
        (ok ? "yes" : "NO").padEnd(10),
        seconds.toFixed(1).padStart(6),
        String(requests).padStart(9),
        (bound === undefined ? "-" : bound.toFixed(1)).padStart(16),
        (bound === undefined ? "-" : (seconds / bound).toFixed(2)).padStart(11),
        String(tooMany).padStart(5),
        ` ${scenario.what}`,
      ].join(" "),
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
