import type { AddressInfo } from "node:net";
import { EmulatorControl } from "./control-client";
import { readDataFile } from "./data-file";
import { type EmulatorData, type EmulatorDataInput, parseEmulatorData } from "./data-schema";
import type { EmulatorCredentials } from "./demo-credentials";
import { asaPrefix, scaikeyPrefix, secureframePrefix } from "./prefixes";
import { emptyData, seedData } from "./seed-data";
import { buildServer } from "./server";
import { EmulatorState } from "./state";

export {
  type AsaGroupInput,
  type AsaUserInput,
  type Counters,
  EmulatorControl,
  EmulatorControlError,
  type Faults,
  type FaultsInput,
  type RequestLogEntry,
  type ScaikeyUserInput,
  type SecureframeUserInput,
  type Settings,
  type SettingsInput,
} from "./control-client";
export { readDataFile, writeDataFile } from "./data-file";
export {
  type AsaGroup,
  type AsaUser,
  type EmulatorData,
  EmulatorDataError,
  type EmulatorDataInput,
  emulatorDataSchema,
  parseEmulatorData,
  type ScaikeyUser,
  type SecureframeUser,
} from "./data-schema";
export { demoCredentials, type EmulatorCredentials } from "./demo-credentials";
export { emptyData, seedData } from "./seed-data";

export interface StartEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The organisation to serve, or the path of a JSON file holding it; default: the Compsons. */
  data?: EmulatorDataInput | string;
  /** Start with no people and no groups (only the demo team, tenant and credentials). */
  empty?: boolean;
  /** Seeds the fault generator (default 1): the same seed and requests give the same faults. */
  faultSeed?: number;
  /** Fastify's request logging; off by default. */
  logger?: boolean;
}

export interface RunningEmulator {
  /** The root URL, e.g. `http://127.0.0.1:7357`; the control API is under `<url>/_emulator`. */
  url: string;
  asaUrl: string;
  secureframeUrl: string;
  scaikeyUrl: string;
  /** Credentials the served data accepts (the demo credentials with the default data). */
  credentials: EmulatorCredentials;
  control: EmulatorControl;
  /** A copy of the data as it is now. */
  data(): EmulatorData;
  stop(): Promise<void>;
}

async function initialData(options: StartEmulatorOptions): Promise<EmulatorData> {
  if (options.empty) return emptyData();
  if (typeof options.data === "string") return readDataFile(options.data);
  if (options.data) return parseEmulatorData(options.data);
  return seedData();
}

/** The first credentials of each API in the data. */
function credentialsOf(data: EmulatorData): EmulatorCredentials {
  const team = data.asa.teams[0];
  const asaKey = team?.service_keys[0];
  const sfKey = data.secureframe.api_keys[0];
  const client = data.scaikey.clients.find((c) => c.tenant_id !== null) ?? data.scaikey.clients[0];
  const tenant =
    data.scaikey.tenants.find((t) => t.id === client?.tenant_id) ?? data.scaikey.tenants[0];
  // The data schema requires at least one of each.
  if (!team || !asaKey || !sfKey || !client || !tenant) throw new Error("data without credentials");
  return {
    asa: { team: team.name, keyId: asaKey.key_id, keySecret: asaKey.key_secret },
    secureframe: { apiKey: sfKey.key, apiSecret: sfKey.secret },
    scaikey: {
      clientId: client.client_id,
      clientSecret: client.client_secret,
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
    },
  };
}

/** Starts the emulators of the three APIs on one loopback port. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const data = await initialData(options);
  const state = new EmulatorState(data, options.faultSeed ?? 1);
  const app = await buildServer(state, { logger: options.logger });
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url,
    asaUrl: `${url}${asaPrefix}`,
    secureframeUrl: `${url}${secureframePrefix}`,
    scaikeyUrl: `${url}${scaikeyPrefix}`,
    credentials: credentialsOf(data),
    control: new EmulatorControl(url),
    data: () => structuredClone(state.data),
    stop: () => app.close(),
  };
}
