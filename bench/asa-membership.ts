// asa.GroupMembership with a large group, provider methods called directly against the emulator
// (in this process) with a fixed latency per request, as a real API has: how long create, read,
// update and delete take and how many requests each sends.
// Run: node --import tsx bench/asa-membership.ts [-- --members N --latency MS --change N]

import { parseArgs } from "node:util";
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../emulator";
import { groupMembershipProvider } from "../provider/asa/group-membership";
import { forgetGroupViews } from "../provider/asa/group-view";
import { forgetUserDirectories } from "../provider/asa/user-directory";
import { closeAllPools } from "../provider/transport";
import { configureProvidersFor } from "../test/harness/emulator-config";

const { values } = parseArgs({
  options: {
    members: { type: "string", default: "1000" },
    latency: { type: "string", default: "100" },
    change: { type: "string", default: "100" },
  },
});
const size = Number(values.members);
const latency = Number(values.latency);
const change = Number(values.change);
const provider = groupMembershipProvider() as Required<pulumi.dynamic.ResourceProvider>;

async function main() {
  const emulator = await startEmulator({ empty: true });
  const { team } = emulator.credentials.asa;
  await configureProvidersFor(emulator);
  const names = Array.from(
    { length: size + change },
    (_, i) => `user-${String(i).padStart(5, "0")}`,
  );
  await emulator.control.asa.createUsers(
    team,
    names.map((name) => ({ name })),
  );
  await emulator.control.asa.createGroup(team, { name: "big" });
  await emulator.control.setFaults({ asa: { latency: { fixedMs: latency, jitterMs: 0 } } });

  async function measure<T>(title: string, run: () => Promise<T>): Promise<T> {
    // Each step is a run of its own, as each `pulumi` command's provider host is a new process.
    forgetGroupViews();
    forgetUserDirectories();
    await emulator.control.clearCounters();
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    const requests = Object.values((await emulator.control.counters()).asa).reduce(
      (a, b) => a + b,
      0,
    );
    console.log(
      `${title.padEnd(48)} ${(ms / 1000).toFixed(2).padStart(7)} s ${String(requests).padStart(6)} requests`,
    );
    return result;
  }

  console.log(`${size} members, ${latency} ms per request, ${change} swapped in the update`);
  const declared = names.slice(0, size);
  const inputs = (await provider.check({}, { group: "big", members: declared })).inputs;
  const created = await measure(`create (${size} adds)`, () => provider.create(inputs));
  const read = await measure("read (refresh)", () => provider.read(created.id, created.outs));
  const swapped = [...names.slice(change, size), ...names.slice(size)];
  const news = (await provider.check(inputs, { group: "big", members: swapped })).inputs;
  const updated = await measure(`update (${change} added, ${change} removed)`, () =>
    provider.update(created.id, read.props, news),
  );
  await measure("update again (nothing to do)", () =>
    provider.update(created.id, updated.outs, news),
  );
  await measure(`delete (${size} removes)`, () => provider.delete(created.id, updated.outs));
  await emulator.stop();
  await closeAllPools();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
