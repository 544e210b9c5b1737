#!/usr/bin/env node
import { parseArgs } from "node:util";
import { EmulatorDataError, type RunningEmulator, startEmulator, writeDataFile } from "./index";

// The `pulumi-identity-emulator` command (also run by `pulumi-identity emulator`).

const usage = `Usage: pulumi-identity-emulator [options]
       pulumi-identity emulator [options]   (the same, with pulumi-identity installed beside it)

Serves local emulators of the Okta ASA, Secureframe and ScaiKey APIs on one port.

Options:
  --port N          port to listen on (default 7357; 0 picks a free port)
  --host H          address to listen on (default 127.0.0.1)
  --data FILE       serve the organisation in this JSON file instead of the demo one
  --save FILE       on stop (Ctrl+C, SIGTERM), write the data as it is then to this file
  --empty           start with no people and no groups
  --fault-seed N    seed of the fault generator (default 1)
  -h, --help        show this help
`;

const defaultPort = 7357;

function describe(emulator: RunningEmulator): string {
  const { asa, secureframe, scaikey } = emulator.credentials;
  return `pulumi-identity emulator listening on ${emulator.url}

  ASA          ${emulator.asaUrl}
               team ${asa.team}
               key_id ${asa.keyId}
               key_secret ${asa.keySecret}
  Secureframe  ${emulator.secureframeUrl}
               Authorization: ${secureframe.apiKey} ${secureframe.apiSecret}
  ScaiKey      ${emulator.scaikeyUrl}
               client_id ${scaikey.clientId}
               client_secret ${scaikey.clientSecret}
               tenant ${scaikey.tenantId} (slug ${scaikey.tenantSlug})
  Control API  ${emulator.url}/_emulator

Press Ctrl+C to stop.
`;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new UsageError(`--${name} must be a whole number`);
  return number;
}

class UsageError extends Error {}

async function runEmulator(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      save: { type: "string" },
      empty: { type: "boolean" },
      "fault-seed": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  if (values.empty && values.data) throw new UsageError("--empty and --data cannot go together");

  const emulator = await startEmulator({
    port: integer("port", values.port, defaultPort),
    host: values.host,
    data: values.data,
    empty: values.empty,
    faultSeed: integer("fault-seed", values["fault-seed"], 1),
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping\n`);
    const data = emulator.data();
    await emulator.stop();
    if (values.save) {
      await writeDataFile(values.save, data);
      process.stdout.write(`saved the data to ${values.save}\n`);
    }
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  // Only now: whoever waits for "Press Ctrl+C" may stop it at once, and must find it ready to save.
  process.stdout.write(describe(emulator));
}

/** Runs the command; resolves to its exit code (0 while the emulator is left serving). */
export async function main(args: string[]): Promise<number> {
  try {
    await runEmulator(args);
    return 0;
  } catch (error) {
    if (error instanceof EmulatorDataError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE") {
      process.stderr.write(`${(error as Error).message}: choose another --port\n`);
      return 1;
    }
    if (error instanceof UsageError || code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module)
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
      process.exitCode = 1;
    },
  );
