import assert from "node:assert/strict";
import { afterAll, beforeAll, expect, test } from "vitest";
import { packedPackage, repackWithVersion } from "../harness/packed-package";
import { type EngineRun, PulumiProgram } from "../harness/pulumi-program";
import { assertNowhere } from "../harness/secrets";

const secretValue = "s3cret-value-that-must-never-reach-state-0b1f";
const program = `
import * as identity from "pulumi-identity";

const check = new identity.diagnostics.ProviderCheck("check");
export const packageVersion = check.packageVersion;
export const settings = check.settings;
`;

let stack: PulumiProgram;
const runs: EngineRun[] = [];
const checkType = "pulumi-nodejs:dynamic/diagnostics:ProviderCheck";
const checkResource = () => stack.resources().find((resource) => resource.type === checkType);

beforeAll(async () => {
  stack = await PulumiProgram.create({
    files: { "index.ts": program },
    env: { ASA_KEY_ID: "key-id-from-the-environment" },
  });
  await stack.setConfig("identity:asaKeySecret", secretValue, { secret: true });
});
afterAll(() => stack?.dispose());

test("pulumi up creates the resource, whose provider sees config and environment", async () => {
  const run = await stack.up();
  runs.push(run);
  assert.deepEqual(run.changes, { create: 2 });
  const outputs = checkResource()?.outputs as {
    packageVersion: string;
    settings: Record<string, string>;
  };
  assert.equal(outputs.packageVersion, require("../../package.json").version);
  assert.equal(outputs.settings.asaKeySecret, "config");
  assert.equal(outputs.settings.asaKeyId, "environment");
  assert.equal(outputs.settings.scaikeyClientSecret, "missing");
});

test("the secret config is stored as a secret, which only an export with --show-secrets reveals", async () => {
  const { deployment } = await stack.exportStack();
  const provider = deployment.resources.find(
    (resource: { type: string }) => resource.type === "pulumi:providers:pulumi-nodejs",
  );
  expect(provider?.inputs?.["identity:asaKeySecret"]).toEqual({
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    plaintext: JSON.stringify(secretValue),
  });
  assert.ok(!stack.stateText().includes(secretValue), "the stored state has the secret in clear");
});

test("the serialized provider is a small handle that loads the installed package", () => {
  const resource = checkResource();
  const serialized = resource?.inputs?.__provider;
  assert.equal(typeof serialized, "string");
  const size = Buffer.byteLength(serialized as string);
  console.log(`__provider: ${size} bytes\n${serialized}`);
  assert.ok(size < 2048, `__provider is ${size} bytes`);
  assert.match(
    serialized as string,
    /require\("pulumi-identity\/dist\/provider\/handles\/diagnostics-provider-check\.js"\)/,
  );
  assert.doesNotMatch(serialized as string, /readSetting|randomUUID|undici/);
});

test("pulumi preview right after up shows no change", async () => {
  const run = await stack.preview();
  runs.push(run);
  assert.deepEqual(run.changes, { same: 2 });
  assert.deepEqual(run.steps, []);
});

test("pulumi refresh reads the resource back unchanged", async () => {
  const run = await stack.refresh();
  runs.push(run);
  assert.deepEqual(run.changes, { same: 2 });
});

test("after a package upgrade, preview shows no change and refresh runs the new code", async () => {
  const before = checkResource();
  stack.installPackage(repackWithVersion(packedPackage(), "99.0.0-upgraded"));

  const preview = await stack.preview();
  runs.push(preview);
  assert.deepEqual(preview.changes, { same: 2 });

  const refresh = await stack.refresh();
  runs.push(refresh);
  const afterRefresh = checkResource();
  assert.equal(afterRefresh?.outputs?.packageVersion, "99.0.0-upgraded");
  assert.equal(afterRefresh?.inputs?.__provider, before?.inputs?.__provider);
});

test("pulumi destroy removes everything", async () => {
  const run = await stack.destroy();
  runs.push(run);
  assert.deepEqual(run.changes, { delete: 2 });
  assert.deepEqual(stack.resources(), []);
});

test("the secret never appears in state, engine events or CLI output", () => {
  assert.ok(runs.length >= 6);
  assertNowhere(stack, runs, [secretValue]);
});
