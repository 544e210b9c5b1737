import assert from "node:assert/strict";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { packedPackage } from "../harness/packed-package";
import { repoRoot } from "../harness/pulumi-cli";
import { PulumiProgram, type StateResource } from "../harness/pulumi-program";

// Users upgrading from 0.1.0 (the tarball in test/fixtures, packed from the commit that released
// it) keep their state and see no diff: the new hidden __urn input causes no change.

const released = join(repoRoot, "test", "fixtures", "pulumi-identity-0.1.0.tgz");
const program = (members: string[]) => `import * as identity from "pulumi-identity";
const group = new identity.asa.Group("ops", { name: "ops", roles: ["access_user"] });
new identity.asa.GroupMembership("ops-members", { group, members: ${JSON.stringify(members)} });
new identity.asa.UserStatus("benjy", { username: "Benjy.Compson", status: "ACTIVE" });
`;

let emulator: RunningEmulator;
let stack: PulumiProgram;

beforeAll(async () => {
  emulator = await startEmulator();
  stack = await PulumiProgram.create({ files: { "index.ts": program(["Benjy.Compson"]) } });
  await configureForEmulator(stack, emulator);
  stack.installPackage(released);
});
afterAll(async () => {
  stack?.dispose();
  await emulator?.stop();
});

/** This package's resources as the state holds them, in URN order (state order may change). */
const ours = (resources: StateResource[]) =>
  resources
    .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
    .sort((a, b) => a.urn.localeCompare(b.urn));

test("state written by 0.1.0: after the upgrade, preview and up change nothing, and outputs stay as they were", async () => {
  assert.deepEqual((await stack.up()).changes, { create: 4 });
  const before = ours(stack.resources());
  assert.ok(
    before.every((r) => r.inputs?.__urn === undefined),
    "0.1.0 kept no URN",
  );

  stack.installPackage(packedPackage());
  const preview = await stack.preview();
  assert.deepEqual(preview.changes, { same: 4 });
  assert.deepEqual((await stack.preview({ refresh: true })).changes, { same: 4 });
  assert.deepEqual((await stack.up()).changes, { same: 4 });

  const after = ours(stack.resources());
  assert.deepEqual(
    after.map((r) => ({ urn: r.urn, id: r.id, outputs: r.outputs })),
    before.map((r) => ({ urn: r.urn, id: r.id, outputs: r.outputs })),
  );
});

test("the next change of a resource runs the new code and records its URN", async () => {
  stack.updateFiles({ "index.ts": program(["Benjy.Compson", "Jason.Compson.IV"]) });
  const run = await stack.up();
  assert.deepEqual(run.changes, { same: 3, update: 1 });
  const membership = stack.resources().find((r) => r.urn.endsWith("::ops-members"));
  assert.equal(membership?.outputs?.__urn, membership?.urn);
  assert.deepEqual(
    [...(await emulator.control.asa.group(emulator.credentials.asa.team, "ops")).members].sort(),
    ["Benjy.Compson", "Jason.Compson.IV"],
  );
});
