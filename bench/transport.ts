// Requests per second through the transport and the clients, against bare undici, and what the
// transport adds to each request (µs of wall time at one request in flight, and µs of this
// process's CPU). The emulator runs in its own process (bench/emulator-server.ts).
// Run: npm run bench:transport [-- --requests N --concurrency N --rounds N]
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { SecureframeClient } from "../provider/secureframe";
import { closeAllPools, Transport } from "../provider/transport";
import { startEmulatorProcess } from "./emulator-process";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);

interface Measure {
  /** Requests per second. */
  rate: number;
  /** Wall time per request, µs. */
  wallUs: number;
  /** This process's CPU per request, µs. */
  cpuUs: number;
}

/** Sends `count` requests, `inFlight` at a time. */
async function measure(
  send: () => Promise<unknown>,
  count: number,
  inFlight: number,
): Promise<Measure> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await send();
    }
  };
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: inFlight }, worker));
  const wallNs = Number(process.hrtime.bigint() - start);
  const used = process.cpuUsage(cpu);
  return {
    rate: count / (wallNs / 1e9),
    wallUs: wallNs / 1e3 / count,
    cpuUs: (used.user + used.system) / count,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const server = await startEmulatorProcess();
  const { apiKey, apiSecret } = server.credentials.secureframe;
  const baseUrl = `${server.url}/secureframe`;
  const id = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
  const path = `/secureframe/users/${id}`;
  const headers = { authorization: `${apiKey} ${apiSecret}`, accept: "application/json" };

  const pool = new Pool(server.url, { connections: concurrency });
  const bare = async () => {
    const answer = await pool.request({ path, method: "GET", headers });
    if (answer.statusCode !== 200) throw new Error(`status ${answer.statusCode}`);
    return answer.body.json();
  };
  const overrides = { connections: concurrency };
  const transportNoLimit = new Transport({
    ...overrides,
    api: "secureframe",
    baseUrl,
    quotaKey: "bench-off",
    rateLimit: false,
    errorBody: () => ({}),
  });
  const transportLimited = new Transport({
    ...overrides,
    api: "secureframe",
    baseUrl,
    quotaKey: "bench-on",
    // A limit far above what the bench reaches: the limiter's cost, not its waits.
    rateLimit: { requests: 1_000_000, perMs: 60_000 },
    errorBody: () => ({}),
  });
  const client = new SecureframeClient({
    ...overrides,
    baseUrl,
    apiKey,
    apiSecret,
    rateLimit: false,
  });
  const viaTransport = (transport: Transport) => () =>
    transport.call({
      method: "GET",
      path: `/users/${id}`,
      headers: { authorization: headers.authorization },
    });

  const cases: [string, () => Promise<unknown>][] = [
    ["bare undici Pool (request + JSON.parse)", bare],
    ["Transport, rate limit off", viaTransport(transportNoLimit)],
    ["Transport, rate limiter on (never binding)", viaTransport(transportLimited)],
    ["SecureframeClient.getUser (+ zod parse)", () => client.getUser(id)],
  ];

  console.log(
    `transport benchmark: Node ${process.version}, ${availableParallelism()} cores, emulator in a child process, ` +
      `GET /secureframe/users/{id}, ${requests} requests per run, median of ${rounds} rounds`,
  );
  for (const [, send] of cases) await measure(send, 500, concurrency); // warm-up

  const results = new Map<string, { parallel: Measure[]; serial: Measure[] }>();
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, send] of cases) {
      const entry = results.get(name) ?? { parallel: [], serial: [] };
      entry.parallel.push(await measure(send, requests, concurrency));
      entry.serial.push(await measure(send, Math.ceil(requests / 5), 1));
      results.set(name, entry);
    }
  }

  const baseline = results.get(cases[0]?.[0] ?? "");
  if (!baseline) throw new Error("no baseline");
  const baseSerial = median(baseline.serial.map((m) => m.wallUs));
  const baseCpu = median(baseline.parallel.map((m) => m.cpuUs));
  console.log(
    `\n${"".padEnd(44)} ${`req/s @${concurrency}`.padStart(10)} ${"req/s @1".padStart(9)} ` +
      `${"latency @1".padStart(11)} ${"+µs @1".padStart(7)} ${"CPU µs/req".padStart(11)} ${"+CPU µs".padStart(8)}`,
  );
  for (const [name] of cases) {
    const { parallel, serial } = results.get(name) ?? { parallel: [], serial: [] };
    const serialUs = median(serial.map((m) => m.wallUs));
    const cpuUs = median(parallel.map((m) => m.cpuUs));
    console.log(
      `${name.padEnd(44)} ${median(parallel.map((m) => m.rate))
        .toFixed(0)
        .padStart(10)} ` +
        `${median(serial.map((m) => m.rate))
          .toFixed(0)
          .padStart(9)} ` +
        `${`${serialUs.toFixed(0)} µs`.padStart(11)} ${(serialUs - baseSerial).toFixed(0).padStart(7)} ` +
        `${cpuUs.toFixed(0).padStart(11)} ${(cpuUs - baseCpu).toFixed(0).padStart(8)}`,
    );
  }
  await pool.close();
  await closeAllPools();
  server.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
