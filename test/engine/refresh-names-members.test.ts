import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { PulumiProgram } from "../harness/pulumi-program";

// A refresh after someone edited a big group by hand shows who joined and who left by name,
// not a list shifted index by index ("~ [30]: "person-0033" => "person-0034"").

let emulator: RunningEmulator;
let stack: PulumiProgram;
const members = Array.from({ length: 60 }, (_, i) => `person-${String(i + 1).padStart(4, "0")}`);

beforeAll(async () => {
  emulator = await startEmulator({ empty: true });
  const { team } = emulator.credentials.asa;
  await emulator.control.asa.createUsers(
    team,
    [...members, "person-0099"].map((name) => ({ name })),
  );
  stack = await PulumiProgram.create({
    files: {
      "index.ts": `import * as identity from "pulumi-identity";
new identity.asa.GroupMembership("big-members", { group: "big", members: ${JSON.stringify(members)}, adopt: true });
`,
    },
  });
  await configureForEmulator(stack, emulator);
  await emulator.control.asa.createGroup(team, { name: "big" });
  await stack.up();
});
afterAll(async () => {
  stack?.dispose();
  await emulator?.stop();
});

test("one member added and one removed by hand: refresh --diff shows a + and a - line, by name", async () => {
  const { team } = emulator.credentials.asa;
  await emulator.control.asa.addGroupMember(team, "big", "person-0099");
  await emulator.control.asa.removeGroupMember(team, "big", "person-0030");
  const { stdout } = await stack.pulumi(["refresh", "--yes", "--diff"]);
  const changes = stdout
    .split("\n")
    .filter((line) => /person-\d{4}/.test(line) && /^\s*[-+~]/.test(line))
    .map((line) => line.trim());
  // (The CLI prints the diff of the preview of the refresh, and again of the refresh itself.)
  assert.deepEqual([...new Set(changes)].sort(), ["+ person-0099: true", "- person-0030: true"]);
  assert.doesNotMatch(stdout, /\[\d+\]: "person-/);
});
