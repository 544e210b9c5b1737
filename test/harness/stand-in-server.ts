import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

/**
 * A server on loopback for the file's tests, answering as `handler` says: for answers the
 * emulator never gives. Returns its base URL (once the tests run).
 */
export function useStandInServer(handler: RequestListener): () => string {
  const server = createServer(handler);
  let baseUrl: string | undefined;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return () => {
    if (!baseUrl) throw new Error("the stand-in server has not started");
    return baseUrl;
  };
}
