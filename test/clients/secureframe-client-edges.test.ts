import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { ApiError } from "../../provider/errors";
import { luceneQuote, SecureframeClient } from "../../provider/secureframe";
import { secureframeClient as configuredClient } from "../../provider/secureframe/configured-client";
import type { Transport } from "../../provider/transport/transport";
import { settingsReader } from "../harness/settings";
import { useStandInServer } from "../harness/stand-in-server";
import {
  collect,
  queriesOf,
  rejection,
  secureframeClient,
  statusCounts,
  useEmulator,
} from "./emulator-setup";

const emulator = useEmulator();
const JASON = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
const KEYS = { apiKey: "sfk_test", apiSecret: "sfs_test" };

/** A resource object as the API sends it. */
function resource(id: string, email: string, attributes: Record<string, unknown> = { id }) {
  return { id, type: "user", attributes: { ...attributes, email } };
}

describe("SecureframeClient's options", () => {
  it("refuses to be built without both an API key and a secret", () => {
    for (const keys of [
      { apiKey: "", apiSecret: "sfs_test" },
      { apiKey: "sfk_test", apiSecret: "" },
      { apiKey: "", apiSecret: "" },
    ]) {
      assert.throws(() => new SecureframeClient(keys), {
        message: "SecureframeClient needs apiKey and apiSecret",
      });
    }
  });

  it("without a base URL, sends its calls to Secureframe's US API", () => {
    const sf = new SecureframeClient(KEYS);
    const { transport } = sf as unknown as { transport: Transport };
    const url = transport.urlFor({ method: "GET", path: "/users", query: { page: 1 } });
    assert.equal(url.href, "https://api.secureframe.com/users?page=1");
  });

  it("counts a base URL written with trailing slashes against the same quota", async () => {
    const emu = emulator();
    await emu.control.reset();
    await emu.control.setFaults({ secureframe: { rateLimit: { requests: 3, windowMs: 1000 } } });
    await emu.control.clearRequests();
    let firstRetry = () => {};
    const refused = new Promise<void>((resolve) => {
      firstRetry = resolve;
    });
    const plain = secureframeClient(emu, { rateLimit: false, onRetry: () => firstRetry() });
    const slashed = secureframeClient(emu, {
      baseUrl: `${emu.secureframeUrl}//`,
      rateLimit: false,
    });
    try {
      const firstBatch = Promise.all(Array.from({ length: 4 }, () => plain.getUser(JASON)));
      await refused;
      // Sent after the 429 through the other spelling: held by the same pause, so never refused.
      const secondBatch = Promise.all(Array.from({ length: 2 }, () => slashed.getUser(JASON)));
      const users = [...(await firstBatch), ...(await secondBatch)];
      assert.deepEqual(
        users.map((u) => u.id),
        Array(6).fill(JASON),
      );
      assert.deepEqual(await statusCounts(emu, "secureframe"), { 200: 6, 429: 1 });
    } finally {
      await emu.control.clearFaults();
    }
  });
});

describe("SecureframeClient's requests", () => {
  it("asks for pages of at most 100 users, or of the smaller size given", async () => {
    const emu = emulator();
    await emu.control.reset();
    const seeded = (await emu.control.secureframe.users()).length;
    await emu.control.clearRequests();
    const sf = secureframeClient(emu);

    assert.equal((await collect(sf.listUsers({ perPage: 250 }))).length, seeded);
    assert.deepEqual(await queriesOf(emu, "secureframe", "GET", "/users"), [
      { page: "1", per_page: "100" },
    ]);

    await emu.control.clearRequests();
    const inPairs = await collect(sf.listUsers({ perPage: 2, q: "active:true" }));
    const pages = await queriesOf(emu, "secureframe", "GET", "/users");
    assert.equal(pages.length, Math.floor(inPairs.length / 2) + 1, "full pages, then a short one");
    pages.forEach((query, i) => {
      assert.deepEqual(query, { q: "active:true", page: String(i + 1), per_page: "2" });
    });
    assert.ok(inPairs.length >= 2 && inPairs.every((u) => u.active === true));
  });

  it("searches for an email as given, then in lower case", async () => {
    const emu = emulator();
    await emu.control.reset();
    await emu.control.clearRequests();
    const found = await secureframeClient(emu).findUserByEmail("Jason.Compson@Example.com");
    assert.equal(found?.id, JASON);
    assert.deepEqual(
      (await queriesOf(emu, "secureframe", "GET", "/users")).map((query) => query.q),
      ['email:"Jason.Compson@Example.com"', 'email:"jason.compson@example.com"'],
    );
  });

  it("quotes a search value as a Lucene phrase, escaping quotes and backslashes", () => {
    assert.equal(luceneQuote('o"brien\\x@example.com'), '"o\\"brien\\\\x@example.com"');
    assert.equal(luceneQuote("plain@example.com"), '"plain@example.com"');
  });

  it("refuses an unknown employee type without sending anything", async () => {
    const emu = emulator();
    await emu.control.reset();
    await emu.control.clearRequests();
    const sf = secureframeClient(emu);
    const err = await rejection(
      sf.updateUser(JASON, { employee_type: "intern" } as unknown as { employee_type: "employee" }),
    );
    assert.ok(err instanceof ApiError);
    assert.equal(err.api, "secureframe");
    assert.equal(err.method, "PUT");
    assert.equal(err.code, "invalid_request");
    assert.match(
      err.message,
      new RegExp(
        `^Secureframe PUT /users/${JASON} failed: invalid_request \\(field employee_type\\): not sent: `,
      ),
    );
    assert.deepEqual(await queriesOf(emu, "secureframe", "PUT", `/users/${JASON}`), []);
  });

  it("sends a date-time with a UTC offset as given", async () => {
    const emu = emulator();
    await emu.control.reset();
    await emu.control.clearRequests();
    const updated = await secureframeClient(emu).updateUser(JASON, {
      end_date: "1933-04-01T09:00:00+02:00",
    });
    assert.deepEqual(await queriesOf(emu, "secureframe", "PUT", `/users/${JASON}`), [
      { end_date: "1933-04-01T09:00:00+02:00" },
    ]);
    assert.equal(new Date(updated.end_date ?? "").toISOString(), "1933-04-01T07:00:00.000Z");
  });
});

describe("the client built from the settings", () => {
  it("names the setting that is missing", () => {
    assert.throws(() => configuredClient(settingsReader({ secureframeApiSecret: "s" })), {
      message: /^Missing identity:secureframeApiKey: set it with /,
    });
    assert.throws(() => configuredClient(settingsReader({ secureframeApiKey: "k" })), {
      message: /^Missing identity:secureframeApiSecret: set it with /,
    });
  });

  it("works with the single settings, and says which account's set a failing call used", async () => {
    const emu = emulator();
    await emu.control.reset();
    const { apiKey, apiSecret } = emu.credentials.secureframe;
    const single = settingsReader({
      secureframeBaseUrl: emu.secureframeUrl,
      secureframeApiKey: apiKey,
      secureframeApiSecret: apiSecret,
    });
    assert.equal((await configuredClient(single).getUser(JASON)).id, JASON);

    const withSet = settingsReader({
      secureframeAccounts: {
        ops: { apiKey, apiSecret: "not-the-secret", baseUrl: emu.secureframeUrl },
      },
    });
    const err = await rejection(configuredClient(withSet, "ops").getUser(JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    assert.equal(
      err.credentials,
      "identity:secureframeAccounts.ops.apiKey and identity:secureframeAccounts.ops.apiSecret",
    );
  });
});

// Answers the emulator never gives, from a small server standing in for Secureframe.
describe("Secureframe answers of other shapes", () => {
  interface Canned {
    status?: number;
    body: unknown;
  }
  let answer: (url: URL) => Canned = () => ({ body: {} });
  const received: string[] = [];
  const baseUrl = useStandInServer((request, response) => {
    received.push(request.url ?? "");
    const { status = 200, body } = answer(new URL(request.url ?? "/", "http://x"));
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });

  /** A client of the stand-in server, which answers with `canned`. */
  function client(canned: (url: URL) => Canned) {
    answer = canned;
    received.length = 0;
    return new SecureframeClient({ baseUrl: baseUrl(), ...KEYS });
  }

  it("a server that ignores the page parameter ends the list with pagination_loop", async () => {
    const users = [resource("u1", "a@example.com"), resource("u2", "b@example.com")];
    // Stops after a few pages, so a client that missed the repeat would end with duplicates.
    const sf = client(() => ({ body: { data: received.length <= 4 ? users : [] } }));
    const err = await rejection(collect(sf.listUsers({ perPage: 2 })));
    assert.ok(err instanceof ApiError);
    assert.equal(err.api, "secureframe");
    assert.equal(err.method, "GET");
    assert.equal(err.path, "/users");
    assert.equal(err.code, "pagination_loop");
    assert.equal(
      err.message,
      "Secureframe GET /users failed: pagination_loop: page 2 repeats page 1: the API ignored the page parameter",
    );
    assert.equal(received.length, 2);
  });

  it("a page after a full one may be empty", async () => {
    const sf = client((url) => ({
      body: url.searchParams.get("page") === "1" ? [resource("u1", "a@example.com")] : [],
    }));
    const users = await collect(sf.listUsers({ perPage: 1 }));
    assert.deepEqual(
      users.map((u) => u.id),
      ["u1"],
    );
  });

  it("a search that answers other users too finds only the one with the email", async () => {
    const others = [resource("u1", "quentin@example.com"), resource("u2", "caddy@example.com")];
    const sf = client(() => ({ body: { data: others } }));
    assert.equal((await sf.findUserByEmail("CADDY@example.com"))?.id, "u2");
    assert.equal(await sf.findUserByEmail("benjy@example.com"), undefined);
  });

  it("a user whose attributes have no id takes the resource's", async () => {
    const sf = client(() => ({ body: { data: resource("u9", "jason@example.com", {}) } }));
    const user = await sf.getUser("u9");
    assert.equal(user.id, "u9");
    assert.equal(user.email, "jason@example.com");
  });

  it("an error's message is the API's message, or its errors joined", async () => {
    const cases: [unknown, string][] = [
      [{ message: "Couldn't find User" }, ": Couldn't find User"],
      [{ error: "Forbidden" }, ": Forbidden"],
      [
        {
          errors: [
            "Email is invalid",
            { detail: "End date is before start date", title: "Invalid date" },
            { title: "Unprocessable" },
            null,
            7,
            {},
          ],
        },
        ": Email is invalid; End date is before start date; Unprocessable",
      ],
      // Nothing the client can read as a message: the status alone.
      [{ errors: [] }, ""],
      [{ status: "failed" }, ""],
      [{ message: 42 }, ""],
      [{ errors: "Email is invalid" }, ""],
      [["Email is invalid"], ""],
    ];
    for (const [body, message] of cases) {
      const sf = client(() => ({ status: 422, body }));
      const err = await rejection(sf.getUser("u1"));
      assert.ok(err instanceof ApiError, JSON.stringify(body));
      assert.equal(
        err.message,
        `Secureframe GET /users/u1 failed: 422${message}`,
        JSON.stringify(body),
      );
    }
  });
});
