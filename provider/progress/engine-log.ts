import { createRequire } from "node:module";

/**
 * Messages for a resource's own row in the Pulumi CLI. Inside Pulumi's dynamic-provider host,
 * `pulumi.log` never reaches the engine (the host does not connect to it) and lands on the Stack
 * row; the engine's Log service, whose address is the host's first argument, takes a URN and an
 * `ephemeral` flag that updates the row live. Outside the host (tests calling providers in-process)
 * there is no engine and messages are dropped.
 */
export interface EngineLog {
  info(urn: string, message: string, options?: { ephemeral?: boolean }): void;
  warning(urn: string, message: string): void;
}

interface LogClient {
  log(request: unknown, callback: (err: Error | null) => void): void;
}

interface LogModules {
  LogRequest: new () => {
    setSeverity(value: number): unknown;
    setMessage(value: string): unknown;
    setUrn(value: string): unknown;
    setEphemeral(value: boolean): unknown;
  };
  LogSeverity: { INFO: number; WARNING: number };
}

/** The engine's address when this process is Pulumi's dynamic-provider host. */
export function engineAddress(argv: readonly string[] = process.argv): string | undefined {
  // Stryker disable next-line StringLiteral: with no argv[1], any default fails the host test below
  const host = argv[1] ?? "";
  if (!/[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(host)) return undefined;
  // Stryker disable next-line MethodExpression: argv[0] (node) and argv[1] (the host) never end in :<port>
  return argv.slice(2).find((arg) => !arg.startsWith("-") && /:\d+$/.test(arg));
}

let connection: { client: LogClient; modules: LogModules } | null | undefined;

function connect(): typeof connection {
  if (connection !== undefined) return connection;
  const address = engineAddress();
  if (!address) {
    connection = null;
    return connection;
  }
  try {
    // The gRPC stubs and grpc-js of the program's own @pulumi/pulumi, which the host runs on.
    const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
    const grpc = fromPulumi("@grpc/grpc-js");
    const services = fromPulumi("./proto/engine_grpc_pb");
    const modules = fromPulumi("./proto/engine_pb") as LogModules;
    const client = new services.EngineClient(address, grpc.credentials.createInsecure());
    connection = { client, modules };
  } catch {
    connection = null;
  }
  return connection;
}

function send(severity: "INFO" | "WARNING", urn: string, message: string, ephemeral: boolean) {
  const engine = connect();
  if (!engine) return;
  const request = new engine.modules.LogRequest();
  request.setSeverity(engine.modules.LogSeverity[severity]);
  request.setMessage(message);
  request.setUrn(urn);
  request.setEphemeral(ephemeral);
  // Best effort: a lost message must never fail the resource.
  engine.client.log(request, () => {});
}

export const engineLog: EngineLog = {
  info: (urn, message, options = {}) => send("INFO", urn, message, options.ephemeral ?? false),
  warning: (urn, message) => send("WARNING", urn, message, false),
};
