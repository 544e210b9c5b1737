import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { useEmulatorStack } from "../harness/emulator-stack";
import {
  apiEnvironment,
  createOrg,
  groupName,
  membersOf,
  runInstalledCli,
  userName,
  writesIn,
} from "../harness/org";

// `pulumi-identity import` of a live ASA team of 200 groups × 50 members, at full size: the
// generated module makes `pulumi up` adopt all 400 resources without one write, and the next
// `pulumi preview --refresh` is empty; re-run after the org changed, it lists what changed and
// the next up still writes nothing. Timings at this size, with API latency: npm run bench:import.

const size = { groups: 200, members: 50, users: 1000 };
const program = `import { declareImported } from "./imported";\nexport const groups = Object.keys(declareImported().groups).length;\n`;
const use = useEmulatorStack({ files: { "index.ts": program } }, (emulator) =>
  createOrg(emulator, size),
);

const importOrg = () =>
  runInstalledCli(use.stack, ["import", "--out", "imported.ts"], apiEnvironment(use.emulator));
const moduleText = () => readFileSync(join(use.stack.dir, "imported.ts"), "utf8");
const writes = async () => writesIn(await use.emulator.control.counters());

test("the import writes a sorted module, the same bytes each time, with no credential in it", async () => {
  const run = await importOrg();
  assert.equal(run.code, 0, run.stderr);
  assert.equal(
    run.stdout,
    [
      'Read ASA team "william-faulkner": 200 groups, 10,000 memberships of 1,000 users.',
      "Wrote imported.ts (270 KB).",
      'Next: in the program, `import { declareImported } from "./imported";` and call `declareImported();`, then `pulumi up`.',
      "",
    ].join("\n"),
  );
  const text = moduleText();
  const { asa } = use.emulator.credentials;
  for (const secret of [asa.keySecret, asa.keyId, use.emulator.asaUrl])
    assert.ok(!text.includes(secret));
  // Sorted: group-0000 first; a group's members in code-unit order, one per line.
  assert.ok(text.indexOf(`"name": "${groupName(0)}"`) < text.indexOf(`"name": "${groupName(1)}"`));
  const first = [...membersOf(0, size)].sort();
  assert.ok(text.includes(first.map((name) => `          "${name}"`).join(",\n")));

  const again = await importOrg();
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /\nNo changes in the org since the previous import\.\n$/);
  assert.equal(moduleText(), text);
});

test("pulumi up adopts all 400 resources with zero writes; the next preview --refresh is empty", async () => {
  const { stack, emulator } = use;
  await emulator.control.clearCounters();
  const up = await stack.up();
  assert.deepEqual(up.changes, { create: 2 * size.groups + 1 });
  assert.deepEqual(await writes(), []);
  assert.deepEqual(await stack.outputs(), { groups: size.groups });
  const preview = await stack.preview({ refresh: true });
  assert.deepEqual(preview.changes, { same: 2 * size.groups + 1 });
  assert.deepEqual(preview.steps, []);
});

test("re-run on a later state of the org: it lists what changed, and up takes it in without a write", async () => {
  const { stack, emulator } = use;
  const { team } = emulator.credentials.asa;
  await emulator.control.asa.addGroupMember(team, groupName(0), userName(999));
  await emulator.control.asa.removeGroupMember(team, groupName(1), userName(7));
  await emulator.control.asa.updateGroup(team, groupName(2), {
    roles: ["access_admin", "access_user"],
  });
  await emulator.control.asa.createGroup(team, {
    name: "release",
    roles: ["access_user"],
    members: [userName(0), userName(1)],
  });
  await emulator.control.asa.deleteGroup(team, groupName(199));
  const run = await importOrg();
  assert.equal(run.code, 0, run.stderr);
  assert.equal(
    run.stdout.split("\n").slice(2).join("\n"),
    [
      "Changes in the org since the previous import (5):",
      '  ASA group "group-0000": +1 (user-00999)',
      '  ASA group "group-0001": -1 (user-00007)',
      '  ASA group "group-0002": roles access_admin → access_admin, access_user',
      '  ASA group "release": new, roles access_user, 2 member(s)',
      '  ASA group "group-0199": gone',
      "",
    ].join("\n"),
  );
  await emulator.control.clearCounters();
  const up = await stack.up();
  assert.deepEqual(up.changes, { create: 2, update: 3, delete: 2, same: 2 * size.groups - 4 });
  assert.deepEqual(await writes(), []);
  assert.deepEqual((await stack.preview({ refresh: true })).steps, []);
});
