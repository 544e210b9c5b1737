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

// `pulumi-identity import`, as installed from the packed package, of the emulator's demo org
// (its Secureframe and ScaiKey users, and the ASA team's two groups: one federated) plus 40
// groups × 20 members: the module it writes makes `pulumi up` adopt everything without one
// write, and the next `pulumi preview --refresh` is empty; re-run after the org changed by hand,
// it lists what changed, and `up` takes it in, still without a write. At 200 groups × 50
// members, with API latency: npm run bench:import.

const size = { groups: 40, members: 20, users: 200 };
const flags = "--asa groups --secureframe status,attributes --scaikey status,attributes".split(" ");
const program = `import { declareImported } from "./imported";\nexport const groups = Object.keys(declareImported().groups).length;\n`;
const use = useEmulatorStack({ files: { "index.ts": program } }, (emulator) =>
  createOrg(emulator, size),
);

const importOrg = () =>
  runInstalledCli(
    use.stack,
    ["import", "--out", "imported.ts", ...flags],
    apiEnvironment(use.emulator),
  );
const moduleText = () => readFileSync(join(use.stack.dir, "imported.ts"), "utf8");
const writes = async () => writesIn(await use.emulator.control.counters());
/** Every credential of the three APIs, none of which may appear in a file or a message. */
const credentials = () => {
  const { asa, secureframe, scaikey } = use.emulator.credentials;
  return [
    asa.keyId,
    asa.keySecret,
    secureframe.apiKey,
    secureframe.apiSecret,
    scaikey.clientId,
    scaikey.clientSecret,
  ];
};

/** The stack's resources (itself too) after a run with these changes. */
const resourcesAfter = (changes: Record<string, number>) =>
  Object.values(changes).reduce((sum, n) => sum + n, 0) - 2 * (changes.delete ?? 0);

/** `pulumi preview --refresh`: every resource the same, and the refresh read back what state holds. */
async function assertRefreshEmpty(resources: number) {
  const preview = await use.stack.preview({ refresh: true });
  assert.deepEqual(preview.changes, { same: resources });
  for (const step of preview.steps) {
    assert.equal(step.op, "refresh", step.urn);
    assert.deepEqual(step.new?.outputs, step.old?.outputs, step.urn);
  }
}

test("the import writes a sorted module, the same bytes each time, with no credential in it", async () => {
  const run = await importOrg();
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.split("\n");
  assert.equal(
    lines[0],
    'Read ASA team "william-faulkner": 41 groups, 801 memberships of 201 users.',
  );
  assert.match(lines[1] ?? "", /^Read Secureframe: \d+ users\.$/);
  assert.match(lines[2] ?? "", /^Read ScaiKey tenant tnt_\w+: \d+ users\.$/);
  assert.match(lines[3] ?? "", /^Wrote imported\.ts \(\d+ KB\)\.$/);
  assert.equal(
    lines[4],
    'Next: in the program, `import { declareImported } from "./imported";` and call `declareImported();`, then `pulumi up`.',
  );
  // What cannot be declared is named, with why.
  assert.match(run.stderr, /note: group "sartoris" left out: it is federated from team/);

  const text = moduleText();
  for (const secret of credentials()) {
    assert.ok(!text.includes(secret), "no credential in the module");
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), "nor in messages");
  }
  // Sorted: compsons, then group-0000, group-0001...; a group's members in code-unit order.
  assert.ok(text.indexOf('"name": "compsons"') < text.indexOf(`"name": "${groupName(0)}"`));
  assert.ok(text.indexOf(`"name": "${groupName(0)}"`) < text.indexOf(`"name": "${groupName(1)}"`));
  const first = [...membersOf(0, size)].sort();
  assert.ok(text.includes(first.map((name) => `          "${name}"`).join(",\n")));

  const again = await importOrg();
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /\nNo changes in the org since the previous import\.\n$/);
  assert.equal(moduleText(), text, "the same org gives the same bytes");
});

test("pulumi up adopts everything with zero writes; the next preview --refresh is empty", async () => {
  const { stack, emulator } = use;
  await emulator.control.clearCounters();
  const up = await stack.up();
  assert.ok((up.changes.create ?? 0) > 2 * (size.groups + 1), JSON.stringify(up.changes));
  assert.deepEqual(Object.keys(up.changes), ["create"]);
  assert.deepEqual(await writes(), []);
  assert.deepEqual(await stack.outputs(), { groups: size.groups + 1 });
  await assertRefreshEmpty(resourcesAfter(up.changes));
});

test("re-run on a later state of the org: it lists what changed, and up --refresh takes it in without a write", async () => {
  const { stack, emulator } = use;
  const { team } = emulator.credentials.asa;
  await emulator.control.asa.addGroupMember(team, groupName(0), userName(199));
  await emulator.control.asa.removeGroupMember(team, groupName(1), userName(7));
  await emulator.control.asa.updateGroup(team, groupName(2), {
    roles: ["access_admin", "access_user"],
  });
  await emulator.control.asa.createGroup(team, {
    name: "release",
    roles: ["access_user"],
    members: [userName(0), userName(1)],
  });
  await emulator.control.asa.deleteGroup(team, groupName(39));
  const jason = "jason.compson@example.com";
  const sfJason = (await emulator.control.secureframe.users()).find((u) => u.email === jason);
  assert.equal(sfJason?.active, true);
  await emulator.control.secureframe.updateUser(sfJason.id, { active: false });
  const skJason = (await emulator.control.scaikey.users()).find((u) => u.email === jason);
  assert.equal(skJason?.status, "ACTIVE");
  await emulator.control.scaikey.updateUser(skJason.id, { status: "LOCKED" });

  const run = await importOrg();
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /\nChanges/, run.stdout);
  assert.equal(
    run.stdout.slice(run.stdout.indexOf("Changes")),
    [
      "Changes in the org since the previous import (7):",
      '  ASA group "group-0000": +1 (user-00199)',
      '  ASA group "group-0001": -1 (user-00007)',
      '  ASA group "group-0002": roles access_admin → access_admin, access_user',
      '  ASA group "release": new, roles access_user, 2 members',
      '  ASA group "group-0039": gone',
      "  Secureframe user jason.compson@example.com: active true → false",
      '  ScaiKey user jason.compson@example.com: status "ACTIVE" → "LOCKED"',
      "",
    ].join("\n"),
  );
  // --refresh: the state takes in the org's changes first, so only the new group is left to
  // adopt (a plain `up` would set group-0002's roles again, to what they already are).
  await emulator.control.clearCounters();
  const up = await stack.up({ refresh: true });
  assert.deepEqual(Object.keys(up.changes).sort(), ["create", "same"]);
  assert.equal(up.changes.create, 2, "release's asa.Group and asa.GroupMembership");
  assert.deepEqual(await writes(), []);
  await assertRefreshEmpty(resourcesAfter(up.changes));
});

test("refusals: an unknown flag value names the flag, its value and the fix; a wrong key names the setting, not its secret", async () => {
  const bad = await runInstalledCli(
    use.stack,
    ["import", "--out", "x.ts", "--scaikey", "status,roles"],
    apiEnvironment(use.emulator),
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^--scaikey "status,roles": "roles" is not a part; give status/);

  const env = { ...apiEnvironment(use.emulator), ASA_KEY_SECRET: "not-the-secret" };
  const refused = await runInstalledCli(use.stack, ["import", "--out", "x.ts"], env);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /Okta ASA refused the API key ASA_KEY_ID = ".+" \(environment\)/);
  assert.match(refused.stderr, /Nothing was written/);
  assert.ok(!refused.stderr.includes("not-the-secret"));
});

test("--stack NAME: the settings come from that stack's config, secrets too, none from the environment", async () => {
  const blank = Object.fromEntries(Object.keys(apiEnvironment(use.emulator)).map((k) => [k, ""]));
  const args = ["import", "--out", "from-stack.ts", "--stack", "test", ...flags];
  const run = await runInstalledCli(use.stack, args, blank);
  assert.equal(run.code, 0, run.stderr);
  const fromStack = readFileSync(join(use.stack.dir, "from-stack.ts"), "utf8");
  assert.equal(fromStack, moduleText(), "the same org, the same bytes, whichever settings");
  for (const secret of credentials()) assert.ok(!run.stdout.includes(secret));

  const other = await runInstalledCli(use.stack, [...args.slice(0, 3), "--stack", "nope"], blank);
  assert.equal(other.code, 1);
  assert.match(
    other.stderr,
    /^--stack nope: `pulumi config --stack nope` failed in \S+: .+\. Run the import in the Pulumi project's directory/,
  );
});
