import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { type EngineRun, PulumiProgram } from "../harness/pulumi-program";
import { assertNowhere } from "../harness/secrets";

// APIs that echo the credentials they received in their error bodies (the emulator's `echoes`
// fault): what the user sees of the failures, and what the state keeps, says "[redacted]".

let emulator: RunningEmulator;
let stack: PulumiProgram;
const runs: EngineRun[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  stack = await PulumiProgram.create({
    files: {
      "index.ts": `import * as identity from "pulumi-identity";
new identity.asa.Group("echoed", { name: "echoed", roles: [] });
new identity.secureframe.UserStatus("jason", { user: "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d", active: false });
`,
    },
  });
  await configureForEmulator(stack, emulator);
});
afterAll(async () => {
  stack?.dispose();
  await emulator?.stop();
});

const messages = (run: EngineRun) =>
  run.events.map((event) => event.diagnosticEvent?.message ?? "").join("\n");

test("the key secret echoed by the token exchange shows as [redacted]", async () => {
  await emulator.control.setFaults({
    asa: { echoes: { status: 400, paths: ["/service_token"] } },
    secureframe: { echoes: { status: 400 } },
  });
  const run = await stack.up({ allowFailure: true });
  runs.push(run);
  assert.notEqual(run.exitCode, 0);
  assert.match(
    messages(run),
    /the request was refused: authorization: ; body: \{"key_id":"[^"]+","key_secret":"\[redacted\]"\}/,
  );
});

test("the bearer token and Secureframe's key echoed by calls show as [redacted]", async () => {
  await emulator.control.setFaults({
    asa: { echoes: { status: 403, methods: ["POST"], paths: ["/groups"] } },
    secureframe: { echoes: { status: 400 } },
  });
  const run = await stack.up({ allowFailure: true });
  runs.push(run);
  await emulator.control.clearFaults();
  assert.notEqual(run.exitCode, 0);
  const text = messages(run);
  assert.match(text, /authorization: Bearer \[redacted\]/);
  // Secureframe's "<key> <secret>" header goes whole (the engine would mask the key as [secret]).
  assert.match(
    text,
    /Secureframe GET \/users\/[^ ]+ failed: 400: the request was refused: authorization: \[redacted\];/,
  );
  assert.doesNotMatch(text, /Bearer (?!\[redacted\])\S/);
});

test("no credential is anywhere: not in the events, the CLI's output or the state", () => {
  const { keySecret } = emulator.credentials.asa;
  const { apiKey, apiSecret } = emulator.credentials.secureframe;
  assertNowhere(stack, runs, [keySecret, encodeURIComponent(keySecret), apiSecret, apiKey]);
});
