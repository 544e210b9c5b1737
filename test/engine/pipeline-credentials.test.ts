import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { repoRoot } from "../harness/pulumi-cli";
import { PulumiProgram } from "../harness/pulumi-program";

// Rotating credentials. Pulumi's default provider stores the whole stack config in the state and
// hands that copy to refresh, destroy and the refresh step of preview/up --refresh; the commands
// of docs/ci.md carry --run-program so they use the current config right after a rotation.

let emulator: RunningEmulator;
let stack: PulumiProgram;
let rotations = 0;
const secretsUsed: string[] = [];
const printed: string[] = [];

const program = `import * as identity from "pulumi-identity";
new identity.asa.GroupMembership("compsons-members", { group: "compsons", members: ["Benjy.Compson", "Jason.Compson.IV"], adopt: true });
new identity.scaikey.UserStatus("jason-active", { user: "jason.compson@example.com", status: "ACTIVE" });
`;

/** The commands of the CI guide that run the providers, in their order, without the stack flag. */
function ciGuideCommands(): string[][] {
  const text = readFileSync(join(repoRoot, "docs", "ci.md"), "utf8");
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  return blocks
    .flatMap((block) => block.split("\n"))
    .map((line) =>
      line
        .replace(/#.*$/, "")
        .replace(/\s+--stack\s+\S+/, "")
        .trim(),
    )
    .filter((line) => /^pulumi (preview|up|refresh|destroy) /.test(line))
    .map((line) => line.split(/\s+/).slice(1));
}

/** A new ASA key secret and ScaiKey client secret in the APIs and in the stack config. */
async function rotate(): Promise<void> {
  rotations += 1;
  const asaSecret = `rotated-asa-key-secret-${rotations}-5f0c`;
  const scaikeySecret = `rotated-scaikey-client-secret-${rotations}-9d2e`;
  secretsUsed.push(asaSecret, scaikeySecret);
  const data = await emulator.control.data();
  const key = data.asa.teams[0]?.service_keys.find(
    (k) => k.key_id === emulator.credentials.asa.keyId,
  );
  const client = data.scaikey.clients.find(
    (c) => c.client_id === emulator.credentials.scaikey.clientId,
  );
  assert.ok(key && client);
  key.key_secret = asaSecret;
  client.client_secret = scaikeySecret;
  await emulator.control.loadData(data);
  await stack.setConfigs([
    { key: "identity:asaKeySecret", value: asaSecret, secret: true },
    { key: "identity:scaikeyClientSecret", value: scaikeySecret, secret: true },
  ]);
}

beforeAll(async () => {
  emulator = await startEmulator();
  stack = await PulumiProgram.create({ files: { "index.ts": program } });
  await configureForEmulator(stack, emulator);
  await stack.up();
});
afterAll(async () => {
  stack?.dispose();
  await emulator?.stop();
});

test("right after a rotation, a refresh without --run-program fails saying the stored config may be stale, and how to fix it", async () => {
  await rotate();
  const run = await stack.pulumi(["refresh", "--yes"], { allowFailure: true });
  printed.push(run.stdout, run.stderr);
  assert.notEqual(run.exitCode, 0);
  const text = `${run.stdout}\n${run.stderr}`;
  assert.match(
    text,
    /Okta ASA refused the API key identity:asaKeyId = "[^"]+" \(stack config\) and identity:asaKeySecret \(stack config\) for team "william-faulkner"/,
  );
  assert.match(
    text,
    /ScaiKey refused the OAuth client identity:scaikeyClientId = "[^"]+" \(stack config\)/,
  );
  assert.match(
    text,
    /This was a read \(refresh\): .* use the stack config Pulumi stored in the state at the last `pulumi up`, which is stale if the credentials were rotated since\. Run the command again with --run-program \(or set PULUMI_RUN_PROGRAM=true\)/,
  );
});

test("after each rotation, each command of the CI guide succeeds with the new credentials", async () => {
  const commands = ciGuideCommands();
  assert.ok(commands.length >= 3, JSON.stringify(commands));
  for (const args of commands) {
    assert.ok(args.includes("--run-program"), `${args.join(" ")} must carry --run-program`);
    await rotate();
    const run = await stack.pulumi(args, { allowFailure: true });
    printed.push(run.stdout, run.stderr);
    assert.equal(run.exitCode, 0, `pulumi ${args.join(" ")}:\n${run.stdout}\n${run.stderr}`);
  }
  await rotate();
  const destroyed = await stack.pulumi(["destroy", "--run-program", "--yes"], {
    allowFailure: true,
  });
  assert.equal(destroyed.exitCode, 0, destroyed.stdout + destroyed.stderr);
  assert.deepEqual(
    (await emulator.control.asa.group(emulator.credentials.asa.team, "compsons")).members,
    [],
  );
});

test("no rotated secret ever shows in the state or the CLI's output", () => {
  assert.ok(secretsUsed.length >= 8 && printed.length >= 10);
  const state = stack.stateText();
  for (const secret of secretsUsed) {
    assert.ok(!state.includes(secret), "a secret is in the state");
    assert.ok(!printed.some((text) => text.includes(secret)), "a secret was printed");
  }
});
