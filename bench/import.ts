// `pulumi-identity import` of a large ASA team, then what the generated module does with the real
// Pulumi CLI: the import's requests, time and file size; `pulumi up` adopting everything (time,
// writes); `pulumi preview --refresh` right after (time, changes); a re-import after changes in
// the org, and the `pulumi up --refresh` taking them in. Each figure is printed next to its
// bound. The emulator answers every ASA request after a fixed latency, as a real API does.
// Run: npm run bench:import [-- --groups 200 --members 50 --users 1000 --latency 25]

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { configureForEmulator } from "../test/harness/emulator-config";
import {
  apiEnvironment,
  createOrg,
  groupName,
  requestsIn,
  runInstalledCli,
  userName,
  writesIn,
} from "../test/harness/org";
import { PulumiProgram } from "../test/harness/pulumi-program";

const { values } = parseArgs({
  options: {
    groups: { type: "string", default: "200" },
    members: { type: "string", default: "50" },
    users: { type: "string", default: "1000" },
    latency: { type: "string", default: "25" },
  },
});
const size = {
  groups: Number(values.groups),
  members: Number(values.members),
  users: Number(values.users),
};
const latency = Number(values.latency);

const rows: string[][] = [];
function row(what: string, figure: string, bound: string, ok: boolean) {
  rows.push([what, figure, bound, ok ? "ok" : "OVER"]);
}

async function main() {
  const emulator = await startEmulator({ empty: true });
  const { team } = emulator.credentials.asa;
  await createOrg(emulator, size);
  const program = `import { declareImported } from "./imported";\ndeclareImported();\n`;
  const stack = await PulumiProgram.create({ files: { "index.ts": program } });
  try {
    await configureForEmulator(stack, emulator);
    await emulator.control.setFaults({ asa: { latency: { fixedMs: latency, jitterMs: 0 } } });
    const env = apiEnvironment(emulator);
    const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
    const readBound = 1 + pages(size.groups) + size.groups * pages(size.members);

    // The import: one token, the group list's pages, one page of members per group.
    await emulator.control.clearCounters();
    let started = performance.now();
    const imported = await runInstalledCli(stack, ["import", "--out", "imported.ts"], env);
    let seconds = (performance.now() - started) / 1000;
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
    const requests = requestsIn(await emulator.control.counters()).asa ?? 0;
    const bytes = readFileSync(join(stack.dir, "imported.ts")).length;
    // Sequential reads would take requests × latency; ten at a time, a tenth plus the pages.
    const timeBound = 2 + (readBound / 10 + pages(size.groups)) * (latency / 1000) * 2;
    row(
      "import: requests",
      String(requests),
      `= ${readBound} (1 token + pages)`,
      requests === readBound,
    );
    row(
      "import: wall time (Node.js start included)",
      `${seconds.toFixed(1)} s`,
      `< ${timeBound.toFixed(1)} s`,
      seconds < timeBound,
    );
    const perMember = bytes / (size.groups * size.members);
    row(
      "import: module size",
      `${(bytes / 1024).toFixed(0)} KB (${perMember.toFixed(0)} B per membership)`,
      "< 40 B per membership",
      perMember < 40,
    );

    // pulumi up: every group and membership adopted, not one write.
    await emulator.control.clearCounters();
    started = performance.now();
    const up = await stack.up();
    seconds = (performance.now() - started) / 1000;
    const writes = writesIn(await emulator.control.counters());
    const resources = 2 * size.groups + 1; // with the stack itself
    row(
      "pulumi up: resources created (adopted, and the stack)",
      String(up.changes.create ?? 0),
      `= ${resources}`,
      up.changes.create === resources,
    );
    row(
      "pulumi up: writes",
      String(writes.length === 0 ? 0 : writes.join(", ")),
      "= 0",
      writes.length === 0,
    );
    row("pulumi up: wall time", `${seconds.toFixed(1)} s`, "(no bound: the engine's time)", true);
    row(
      "pulumi up: ASA requests",
      String(requestsIn(await emulator.control.counters()).asa),
      "(reads only)",
      true,
    );

    // The next preview --refresh: nothing to do.
    started = performance.now();
    const preview = await stack.preview({ refresh: true });
    seconds = (performance.now() - started) / 1000;
    const changed = Object.entries(preview.changes).filter(([op]) => op !== "same");
    row(
      "preview --refresh: changes",
      changed.length === 0 ? "none" : JSON.stringify(preview.changes),
      "none",
      changed.length === 0,
    );
    row(
      "preview --refresh: wall time",
      `${seconds.toFixed(1)} s`,
      "(no bound: the engine's time)",
      true,
    );

    // The org changes: a member joins, one leaves, a group appears, one goes; the re-import names them.
    await emulator.control.asa.addGroupMember(team, groupName(0), userName(size.users - 1));
    await emulator.control.asa.removeGroupMember(team, groupName(1), userName(7));
    await emulator.control.asa.createGroup(team, {
      name: "group-new",
      roles: ["access_user"],
      members: [userName(0)],
    });
    await emulator.control.asa.deleteGroup(team, groupName(size.groups - 1));
    started = performance.now();
    const again = await runInstalledCli(stack, ["import", "--out", "imported.ts"], env);
    seconds = (performance.now() - started) / 1000;
    const listed = again.stdout.split("\n").filter((line) => line.startsWith("  ASA group")).length;
    row("re-import: changes listed", String(listed), "= 4", listed === 4);
    row(
      "re-import: wall time",
      `${seconds.toFixed(1)} s`,
      `< ${timeBound.toFixed(1)} s`,
      seconds < timeBound,
    );
    await emulator.control.clearCounters();
    const upAgain = await stack.up({ refresh: true });
    const writesAgain = writesIn(await emulator.control.counters());
    row(
      "pulumi up --refresh after it: writes",
      String(writesAgain.length === 0 ? 0 : writesAgain.join(", ")),
      "= 0",
      writesAgain.length === 0,
    );
    const { create, same, ...other } = upAgain.changes;
    row(
      "pulumi up --refresh after it: changes",
      JSON.stringify(upAgain.changes),
      "create 2 (the new group), the rest same",
      create === 2 && Object.keys(other).length === 0 && same === resources - 2,
    );
  } finally {
    stack.dispose();
    await emulator.stop();
  }
  console.log(
    `${size.groups} groups × ${size.members} members (${size.users} users), ${latency} ms per ASA answer\n`,
  );
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
