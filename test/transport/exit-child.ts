// Run by process-exit.test.ts: one call whose answer says the quota is spent for an hour, then
// nothing left to do. The process must exit rather than sit out the pause.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Transport } from "../../provider/transport";

const server = createServer((_request, response) => {
  response.setHeader("content-type", "application/json");
  response.setHeader("x-ratelimit-limit", "10");
  response.setHeader("x-ratelimit-remaining", "0");
  response.setHeader("x-ratelimit-reset", String(Math.ceil(Date.now() / 1000) + 3600));
  response.end("{}");
});

server.listen(0, "127.0.0.1", async () => {
  const { port } = server.address() as AddressInfo;
  const transport = new Transport({
    api: "asa",
    baseUrl: `http://127.0.0.1:${port}`,
    quotaKey: "exit-test",
    errorBody: () => ({}),
  });
  await transport.call({ method: "GET", path: "/v1/anything" });
  server.closeAllConnections();
  server.close();
  process.stdout.write("answered\n");
});
