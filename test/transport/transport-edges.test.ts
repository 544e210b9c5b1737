// The transport at its edges, against a stand-in server: which URL and headers a call sends,
// how answers the emulator never gives (300, non-JSON, blank bodies, bare 429s, stalled bodies,
// silent TLS handshakes) turn into results or ApiErrors, how `Link` headers are read, and the
// credential fingerprints that key the process-wide caches.

import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, test } from "vitest";
import { ApiError } from "../../provider/errors";
import {
  closeAllPools,
  fingerprint,
  parseLinkHeader,
  type RetryEvent,
  Transport,
  type TransportOptions,
} from "../../provider/transport";
import { rejection } from "../harness/rejection";
import { useStandInServer } from "../harness/stand-in-server";
import { virtualClock } from "../harness/virtual-clock";

const seen = new Map<string, number>();

function answer(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", "http://stand-in");
  const send = (status: number, body: string) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body);
  };
  const times = (seen.get(request.url ?? "") ?? 0) + 1;
  seen.set(request.url ?? "", times);
  switch (url.pathname.replace(/^\/api/, "")) {
    case "/echo":
    case "/users/team:ops":
      return send(
        200,
        JSON.stringify({ url: request.url, headers: request.headers, method: request.method }),
      );
    case "/multiple-choices":
      return send(300, JSON.stringify({ message: "pick one" }));
    case "/long-html":
      response.writeHead(502, { "content-type": "text/html" });
      return void response.end(`<html>${"x".repeat(1000)}</html>`);
    case "/html":
      response.writeHead(200, { "content-type": "text/html" });
      return void response.end("<html>ok</html>");
    case "/blank":
      return send(200, " \n ");
    case "/odd-message":
      return send(400, JSON.stringify({ message: "Stryker was here, said the API" }));
    case "/bare-429":
      // Refused once without saying for how long, then answered.
      return times === 1 ? send(429, "{}") : send(200, JSON.stringify({ ok: true }));
    case "/stalled-body":
      response.writeHead(200, { "content-type": "application/json" });
      return void response.write('{"partial":');
    default:
      return send(404, JSON.stringify({ message: "no such route" }));
  }
}

const server = useStandInServer(answer);

// Accepts TCP connections and never says a word: a TLS handshake to it never completes.
let silent: Server;
let silentPort = 0;
const silentSockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => void silentSockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  await closeAllPools();
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

let quota = 0;

/** A transport to the stand-in server under the `/api` prefix, with its own limiter. */
function transport(options: Partial<TransportOptions> = {}): Transport {
  return new Transport({
    api: "asa",
    baseUrl: `${server()}/api`,
    quotaKey: `edges-${++quota}`,
    rateLimit: false,
    timeScale: 0.001,
    errorBody: (body) => body as { message?: string },
    ...options,
  });
}

interface Echo {
  url: string;
  method: string;
  headers: Record<string, string | undefined>;
}

describe("what a call sends", () => {
  test("a plain GET asks for JSON and carries no body type", async () => {
    const { body } = await transport().call({ method: "GET", path: "/echo" });
    const echo = body as Echo;
    assert.equal(echo.url, "/api/echo");
    assert.equal(echo.headers.accept, "application/json");
    assert.equal(echo.headers["content-type"], undefined);
  });

  test("null and undefined query values are left out; arrays repeat the key", async () => {
    const { body } = await transport().call({
      method: "GET",
      path: "/echo",
      query: { gone: null, absent: undefined, n: 1, tag: ["a", "b"] },
    });
    assert.equal((body as Echo).url, "/api/echo?n=1&tag=a&tag=b");
  });

  test("a path holding a colon is a path under the base URL, not an absolute URL", async () => {
    const { body } = await transport().call({ method: "GET", path: "/users/team:ops" });
    assert.equal((body as Echo).url, "/api/users/team:ops");
  });

  test("trailing slashes on the base URL do not double up in the path sent", async () => {
    const t = transport({ baseUrl: `${server()}/api//` });
    const { body } = await t.call({ method: "GET", path: "/echo" });
    assert.equal((body as Echo).url, "/api/echo");
  });

  test("limits given as a reader are the transport's settings", () => {
    const t = transport({ limits: (limit) => (limit === "MaxConnections" ? "3" : undefined) });
    assert.equal(t.settings.connections, 3);
  });
});

describe("answers", () => {
  test("a 300 is an error, not a result", async () => {
    const err = await rejection(
      transport().call({ method: "GET", path: "/multiple-choices" }),
      ApiError,
    );
    assert.equal(err.status, 300);
    assert.equal(err.apiMessage, "pick one");
  });

  test("an error answer that is not JSON reports its first 300 characters", async () => {
    const err = await rejection(
      transport({ retry: { maxAttempts: 1 } }).call({ method: "GET", path: "/long-html" }),
      ApiError,
    );
    assert.equal(err.status, 502);
    assert.equal(err.apiMessage, `<html>${"x".repeat(294)}`);
  });

  test("a success that is not JSON is an invalid_response at the root", async () => {
    const err = await rejection(transport().call({ method: "GET", path: "/html" }), ApiError);
    assert.equal(err.status, 200);
    assert.equal(err.code, "invalid_response");
    assert.equal(err.field, "");
    assert.equal(
      err.message,
      "Okta ASA GET /html failed: 200 invalid_response (field <root>): the answer is not JSON",
    );
  });

  test("a blank body is an empty answer", async () => {
    const response = await transport().call({ method: "GET", path: "/blank" });
    assert.equal(response.status, 200);
    assert.equal(response.body, undefined);
  });

  test("with no secrets in use, the API's message is passed on untouched", async () => {
    const err = await rejection(
      transport().call({ method: "GET", path: "/odd-message" }),
      ApiError,
    );
    assert.equal(err.apiMessage, "Stryker was here, said the API");
  });

  test("an error names the path as documented: without the prefix, or whole when outside it", async () => {
    const t = transport();
    const outside = await rejection(
      t.call({ method: "GET", path: `${server()}/elsewhere/x` }),
      ApiError,
    );
    assert.equal(outside.path, "/elsewhere/x");
    assert.equal(outside.apiMessage, "no such route");
    const root = await rejection(t.call({ method: "GET", path: "" }), ApiError);
    assert.equal(root.path, "/");
    assert.match(root.message, /^Okta ASA GET \/ failed: 404/);
  });

  test("a bare 429 holds calls off for the fallback pause drawn between its bounds", async () => {
    // API time stands still but for the waits, so the recorded pause is exactly the drawn one.
    const { clock } = virtualClock({ start: 1_000_000, autoAdvance: true });
    const events: RetryEvent[] = [];
    const t = transport({
      clock,
      random: () => 0.25,
      retry: { rateLimitFallbackMs: { min: 1_000, max: 3_000 } },
      onRetry: (event) => events.push(event),
    });
    const response = await t.call({ method: "GET", path: "/bare-429" });
    assert.deepEqual(response.body, { ok: true });
    assert.deepEqual(
      events.map((e) => [e.outcome, e.waitMs, e.waitSource]),
      [["429", 1_500, "rate-limit-fallback"]],
    );
  });
});

describe("failures without an answer", () => {
  test("a body that stalls past the body timeout says so, with the timeout", async () => {
    const err = await rejection(
      transport({ timeouts: { bodyMs: 100 } }).call({ method: "GET", path: "/stalled-body" }),
      ApiError,
    );
    assert.equal(err.code, "UND_ERR_BODY_TIMEOUT");
    assert.equal(err.apiMessage, "the response body stalled past the body timeout (100 ms)");
  }, 5_000);

  test("a handshake that never completes hits the connect timeout, with the timeout", async () => {
    const t = transport({
      baseUrl: `https://127.0.0.1:${silentPort}/api`,
      timeouts: { connectMs: 150 },
      retry: { maxAttempts: 1 },
    });
    const err = await rejection(t.call({ method: "GET", path: "/echo" }), ApiError);
    assert.equal(err.code, "UND_ERR_CONNECT_TIMEOUT");
    assert.equal(err.apiMessage, "could not connect within the connect timeout (150 ms)");
  }, 3_000);

  test("a request the HTTP client refuses reports the client's own message", async () => {
    const err = await rejection(
      transport().call({ method: "GET", path: "/echo", headers: { "x-bad": "a\nb" } }),
      ApiError,
    );
    assert.equal(err.code, "UND_ERR_INVALID_ARG");
    assert.equal(err.apiMessage, "invalid x-bad header");
  });

  test("a body that cannot be encoded fails with the encoder's own error, unmarked", async () => {
    const t = transport({ credentials: "the ops settings" });
    const err = await rejection(t.call({ method: "POST", path: "/echo", json: { n: 1n } }));
    assert.ok(err instanceof TypeError);
    assert.ok(!(err instanceof ApiError));
    assert.doesNotMatch(inspect(err), /ops settings/);
  });
});

describe("Link headers", () => {
  test("rel may follow the semicolon directly, and spaces may surround its =", () => {
    assert.deepEqual(parseLinkHeader('<https://a/2>;rel="next", <https://a/9> ; rel = last'), {
      next: "https://a/2",
      last: "https://a/9",
    });
  });

  test("a link without rel names nothing", () => {
    assert.deepEqual(parseLinkHeader('<https://a/2>; title="two"'), {});
  });

  test("repeated headers are separate lists: a malformed one lends no rel to the link before", () => {
    // undici hands a repeated header over as an array.
    assert.deepEqual(parseLinkHeader(['<https://a/1>; title="one"', 'garbage; rel="next"']), {});
    assert.deepEqual(parseLinkHeader(['<https://a/2>; rel="next"', '<https://a/1>; rel="prev"']), {
      next: "https://a/2",
      prev: "https://a/1",
    });
  });

  test("the first link of a rel wins, whatever its case", () => {
    assert.deepEqual(parseLinkHeader('<https://a/2>; rel="next", <https://a/3>; rel="NEXT"'), {
      next: "https://a/2",
    });
  });
});

describe("credential fingerprints", () => {
  test("are 32 hex digits, stable, and tell apart parts that only concatenate alike", () => {
    const one = fingerprint("https://api", "ab", "c");
    assert.match(one, /^[0-9a-f]{32}$/);
    assert.equal(fingerprint("https://api", "ab", "c"), one);
    assert.notEqual(fingerprint("https://api", "a", "bc"), one);
  });
});
