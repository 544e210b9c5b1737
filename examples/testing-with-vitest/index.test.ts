import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalWorkspace, type Stack } from "@pulumi/pulumi/automation";
import { type RunningEmulator, startEmulator } from "pulumi-identity-emulator";
import { afterAll, beforeAll, expect, test } from "vitest";

// This project's program (index.ts) run by the real Pulumi CLI through the Automation API,
// against the emulator started here: a stack in a throwaway local backend, nothing in the cloud.

let emulator: RunningEmulator;
let stack: Stack;
const backend = mkdtempSync(join(tmpdir(), "pulumi-state-"));
const members = async () => {
  const group = await emulator.control.asa.group(emulator.credentials.asa.team, "platform");
  return [...group.members].sort();
};

beforeAll(async () => {
  emulator = await startEmulator(); // a free port, the demo organisation
  const { asa } = emulator.credentials;
  stack = await LocalWorkspace.createOrSelectStack(
    { stackName: "test", workDir: __dirname },
    {
      envVars: {
        PULUMI_BACKEND_URL: `file://${backend}`,
        PULUMI_CONFIG_PASSPHRASE: "only-for-this-test",
      },
    },
  );
  await stack.setAllConfig({
    "identity:asaBaseUrl": { value: emulator.asaUrl },
    "identity:asaTeam": { value: asa.team },
    "identity:asaKeyId": { value: asa.keyId },
    "identity:asaKeySecret": { value: asa.keySecret, secret: true },
  });
});

afterAll(async () => {
  await stack?.destroy();
  await emulator?.stop();
  rmSync(backend, { recursive: true, force: true });
});

test("up creates the platform group with exactly the declared members", async () => {
  const up = await stack.up();
  expect(up.summary.resourceChanges).toEqual({ create: 3 });
  expect(await members()).toEqual(["Benjy.Compson", "Jason.Compson.IV"]);
});

test("someone added by hand shows in the preview after a refresh, and up removes them", async () => {
  const { team } = emulator.credentials.asa;
  await emulator.control.asa.addGroupMember(team, "platform", "Quentin.Compson.III");
  await stack.refresh();

  const preview = await stack.preview({ diff: true });
  expect(preview.changeSummary).toEqual({ same: 2, update: 1 });
  expect(preview.stdout).toContain("Quentin.Compson.III");

  await stack.up();
  expect(await members()).toEqual(["Benjy.Compson", "Jason.Compson.IV"]);
});
