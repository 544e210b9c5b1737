import assert from "node:assert/strict";
import { test } from "vitest";
import { demoCredentials } from "../../emulator";
import { useEmulatorStack } from "../harness/emulator-stack";
import { exampleProgram } from "../harness/example-program";

// examples/asa-team-access, from its own files, against the emulator: ASA groups and members
// generated from roster.yaml.

const example = exampleProgram("asa-team-access");
const roster = example.files["roster.yaml"] ?? assert.fail("the example has no roster.yaml");
const expected = {
  "household-admins": { roles: ["access_admin", "access_user"], members: ["Jason.Compson.IV"] },
  "household-ops": {
    roles: ["access_user"],
    members: ["Caddy.Compson", "Dilsey.Gibson", "Jason.Compson.IV"],
  },
  "household-reports": { roles: ["reporting_user"], members: ["Dilsey.Gibson"] },
};

const team = demoCredentials.asa.team;
const suite = useEmulatorStack(example, async (emulator) => {
  // As the example's README does: the roster names two people the seed's team lacks.
  await emulator.control.asa.createUsers(team, [
    { name: "Caddy.Compson" },
    { name: "Dilsey.Gibson" },
  ]);
});

const liveGroups = async () => {
  const live: Record<string, { roles: string[]; members: string[] }> = {};
  for (const group of await suite.emulator.control.asa.groups(team)) {
    if (group.name in expected && group.deleted_at === null) {
      live[group.name] = { roles: [...group.roles].sort(), members: [...group.members].sort() };
    }
  }
  return live;
};

test("a roster with mistakes fails at preview, naming each entry, and changes nothing", async () => {
  const broken = roster
    .replace("roles: [access_user, access_admin]", "roles: [access_user, admin]")
    .replace("  - name: household-reports\n", "  - name: household-ops\n")
    .replace("    members:\n      - Dilsey.Gibson\n", "    member:\n      - Dilsey.Gibson\n");
  assert.notEqual(broken, roster);
  suite.stack.updateFiles({ "roster.yaml": broken });
  try {
    const run = await suite.stack.preview({ allowFailure: true });
    assert.notEqual(run.exitCode, 0);
    const output = run.events
      .flatMap((event) =>
        event.diagnosticEvent?.severity === "error" ? [event.diagnosticEvent.message] : [],
      )
      .join("\n");
    assert.match(
      output,
      /line 12, group "household-admins": unknown role "admin" \(roles: access_user, access_admin, reporting_user, server_admin\)/,
    );
    assert.match(
      output,
      /line 17, group "household-ops": "household-ops" is already declared on line 5/,
    );
    assert.match(output, /line 17, group "household-ops": unknown key "member"/);
    assert.match(output, /line 17, group "household-ops": members is missing/);
    assert.match(output, /^roster\.yaml has mistakes:\n/);
    assert.doesNotMatch(output, /\n\s+at /, "a stack trace beside the roster's mistakes");
    assert.deepEqual(await liveGroups(), {});
  } finally {
    suite.stack.updateFiles({ "roster.yaml": roster });
  }
});

test("pulumi up creates one group and membership per roster entry and exports who is in which", async () => {
  const run = await suite.stack.up();
  assert.deepEqual(run.changes, { create: 7 });
  assert.deepEqual(await liveGroups(), expected);
  const outputs = await suite.stack.outputs();
  assert.deepEqual(
    outputs.members,
    Object.fromEntries(Object.entries(expected).map(([name, { members }]) => [name, members])),
  );
});

test("the preview right after has nothing to change", async () => {
  const run = await suite.stack.preview();
  assert.deepEqual(run.changes, { same: 7 });
  assert.deepEqual(run.steps, []);
});

test("someone added by hand: preview --refresh --diff names them, up --refresh removes them", async () => {
  await suite.emulator.control.asa.addGroupMember(team, "household-ops", "Benjy.Compson");
  const diff = await suite.stack.previewDiffText({ refresh: true });
  const memberLines = diff
    .split("\n")
    .filter((line) => /^\s*[+-] +[\w.]+\s*: true$/.test(line))
    .map((line) => line.trim().replace(/\s+/g, " "));
  // The refresh step names who joined by hand, then the update names who the program removes.
  assert.deepEqual(memberLines, ["+ Benjy.Compson : true", "- Benjy.Compson : true"]);

  const run = await suite.stack.up({ refresh: true });
  assert.deepEqual(run.changes, { update: 1, same: 6 });
  assert.deepEqual(await liveGroups(), expected);
});

test("pulumi destroy deletes the groups", async () => {
  const run = await suite.stack.destroy();
  assert.deepEqual(run.changes, { delete: 7 });
  assert.deepEqual(await liveGroups(), {});
  const names = (await suite.emulator.control.asa.groups(team)).map((g) => g.name);
  for (const name of Object.keys(expected)) assert.ok(names.includes(name), `${name} is gone`);
});
