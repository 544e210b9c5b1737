import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { afterAll, beforeAll, test } from "vitest";

// The engine's Log service as Pulumi's dynamic-provider host would reach it: a gRPC server of
// the Engine service (from the SDK's own stubs), and this process dressed as the host.

const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = fromPulumi("@grpc/grpc-js");
const services = fromPulumi("./proto/engine_grpc_pb");

interface Received {
  severity: number;
  message: string;
  urn: string;
  ephemeral: boolean;
}

const received: Received[] = [];
let server: { tryShutdown(callback: () => void): void };
let argv: string[];

beforeAll(async () => {
  const engine = new grpc.Server();
  engine.addService(services.EngineService, {
    log(
      call: {
        request: {
          getSeverity(): number;
          getMessage(): string;
          getUrn(): string;
          getEphemeral(): boolean;
        };
      },
      callback: (err: null, reply: unknown) => void,
    ) {
      const { request } = call;
      received.push({
        severity: request.getSeverity(),
        message: request.getMessage(),
        urn: request.getUrn(),
        ephemeral: request.getEphemeral(),
      });
      callback(null, new (fromPulumi("google-protobuf/google/protobuf/empty_pb").Empty)());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    engine.bindAsync(
      "127.0.0.1:0",
      grpc.ServerCredentials.createInsecure(),
      (err: Error | null, p: number) => (err ? reject(err) : resolve(p)),
    ),
  );
  server = engine;
  argv = process.argv;
  process.argv = [
    "node",
    "/project/node_modules/@pulumi/pulumi/cmd/dynamic-provider",
    `127.0.0.1:${port}`,
  ];
});
afterAll(async () => {
  process.argv = argv;
  await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
});

test("messages reach the engine with the resource's URN, ephemeral or not, info or warning", async () => {
  const { engineLog } = await import("../../provider/progress/engine-log");
  const { LogSeverity } = fromPulumi("./proto/engine_pb");
  const urn = "urn:pulumi:prod::access::pulumi-nodejs:dynamic/asa:GroupMembership::eng";
  engineLog.info(urn, "members: 3 of 10 done", { ephemeral: true });
  engineLog.warning(urn, "taken over");
  for (let i = 0; i < 100 && received.length < 2; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.deepEqual(
    received.sort((a, b) => a.severity - b.severity),
    [
      { severity: LogSeverity.INFO, message: "members: 3 of 10 done", urn, ephemeral: true },
      { severity: LogSeverity.WARNING, message: "taken over", urn, ephemeral: false },
    ].sort((a, b) => a.severity - b.severity),
  );
});
