// Requests per second the emulator serves: an authenticated ASA GET and an ASA POST over
// keep-alive, with many requests in flight. The emulator runs in its own process (one core);
// autocannon drives it from this one. Run: npm run bench:emulator [-- --seconds N]
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startEmulatorProcess } from "./emulator-process";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "64" },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);

async function run(title: string, options: autocannon.Options) {
  await autocannon({ ...options, duration: 2 }); // warm-up
  const result = await autocannon({ ...options, duration, connections });
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `${title.padEnd(44)} ${Math.round(result.requests.average).toString().padStart(7)} req/s` +
      `   latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms` +
      (errors ? `   (${errors} errors or non-2xx)` : ""),
  );
}

async function main() {
  const server = await startEmulatorProcess();
  try {
    const { team, keyId, keySecret } = server.credentials.asa;
    const base = `${server.url}/asa/v1/teams/${team}`;
    const tokenAnswer = await fetch(`${base}/service_token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ key_id: keyId, key_secret: keySecret }),
    });
    const { bearer_token } = (await tokenAnswer.json()) as { bearer_token: string };
    const headers = { authorization: `Bearer ${bearer_token}`, "content-type": "application/json" };

    console.log(
      `emulator benchmark: Node ${process.version}, ${availableParallelism()} cores, ` +
        `emulator in a child process, ${connections} keep-alive connections, ${duration} s each`,
    );
    await run("GET  /v1/teams/{team}/users/{user}", {
      url: `${base}/users/Jason.Compson.IV`,
      headers,
    });
    await run("GET  /v1/teams/{team}/groups/{group}", { url: `${base}/groups/compsons`, headers });
    await run("POST /v1/teams/{team}/groups/{group}/users", {
      url: `${base}/groups/compsons/users`,
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Jason.Compson.IV" }),
    });
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
