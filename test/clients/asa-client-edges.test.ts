// AsaClient and the run's user directory at their edges: the options a client is built from,
// what it refuses to send, the retries it makes, token answers it refuses, pagination loops,
// how partial user details are completed, and how the directory chooses between looking users
// up one by one and reading the team's list.
import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, it } from "vitest";
import type { RunningEmulator } from "../../emulator";
import { ASA_DEFAULT_BASE_URL, AsaClient, type AsaClientOptions } from "../../provider/asa";
import {
  forgetUserDirectories,
  LOOKUP_ONE_BY_ONE_UP_TO,
  UserDirectory,
  userDirectory,
} from "../../provider/asa/user-directory";
import { ApiError } from "../../provider/errors";
import { forgetTokens } from "../../provider/transport";
import { rejection } from "../harness/rejection";
import { useStandInServer } from "../harness/stand-in-server";
import { asaClient, everythingShown, retryClock, useEmulator } from "./emulator-setup";

const emulator = useEmulator();
const TEAM = "william-faulkner";
const TOKEN_ROUTE = "POST /v1/teams/:team_name/service_token";
const LIST_ROUTE = "GET /v1/teams/:team_name/users";
const USER_ROUTE = "GET /v1/teams/:team_name/users/:user_name";

async function counter(emu: RunningEmulator, route: string): Promise<number> {
  return (await emu.control.counters()).asa[route] ?? 0;
}

// --- A stand-in ASA for answers the emulator never gives -------------------------------------

interface Logged {
  method: string;
  path: string;
  body: unknown;
}
const standInLog: Logged[] = [];
const memberAdds = new Map<string, number>();
const STORED_DETAILS = {
  first_name: "Jason",
  last_name: "Compson",
  full_name: "Jason Compson IV",
  email: "jason.compson@example.com",
};

function send(response: ServerResponse, status: number, body?: unknown) {
  response.statusCode = status;
  if (body === undefined) return response.end();
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(body));
}

async function standIn(request: IncomingMessage, response: ServerResponse) {
  let text = "";
  for await (const chunk of request) text += chunk;
  const path = request.url ?? "";
  const body = text ? JSON.parse(text) : undefined;
  standInLog.push({ method: request.method ?? "", path, body });
  const token = /^\/v1\/teams\/([^/]+)\/service_token$/.exec(path);
  if (token?.[1]) {
    const team = decodeURIComponent(token[1]);
    const expires = new Date(Date.now() + 3_600_000).toISOString();
    return send(response, 200, {
      bearer_token: "eyJ.stand-in.sig",
      // "my-team" is answered for another team; "bad-date" with an expiry that is no date.
      expires_at: team === "bad-date" ? "in an hour" : expires,
      team_name: team === "my-team" ? "Other-Team" : team,
    });
  }
  const user = /^\/v1\/teams\/[^/]+\/users\/([^/]+)$/.exec(path);
  if (user?.[1] && request.method === "GET") {
    const name = decodeURIComponent(user[1]);
    return send(response, 200, {
      id: "6da51721-1c8a-4d5c-955f-d27a0fe35bdf",
      name,
      status: "ACTIVE",
      user_type: name === "robot" ? "service" : "human",
      details: name === "robot" ? null : STORED_DETAILS,
      deleted_at: null,
    });
  }
  if (user && request.method === "PUT") return send(response, 204);
  const members = /^\/v1\/teams\/[^/]+\/groups\/([^/]+)\/users$/.exec(path);
  if (members?.[1] && request.method === "POST") {
    // Group "lost-answer": the first add answers 503, every later one 409 (already a member).
    const adds = (memberAdds.get(members[1]) ?? 0) + 1;
    memberAdds.set(members[1], adds);
    if (adds === 1) return send(response, 503, { type: "unavailable", message: "try again" });
    return send(response, 409, { type: "resource_already_exists", message: "already a member" });
  }
  return send(response, 404, { type: "resource_does_not_exist", message: "not here" });
}

const standInUrl = useStandInServer((request, response) => void standIn(request, response));

function standInClient(overrides: Partial<AsaClientOptions> = {}): AsaClient {
  return new AsaClient({
    baseUrl: standInUrl(),
    team: "stand-in",
    keyId: "key",
    keySecret: "stand-in-secret",
    // Waits before a retry take no time.
    clock: { now: Date.now, sleep: async () => {} },
    random: () => 0.5,
    ...overrides,
  });
}

/** What the stand-in received since `from`, without the token exchanges. */
function receivedSince(from: number): Logged[] {
  return standInLog.slice(from).filter((entry) => !entry.path.endsWith("/service_token"));
}

// --- Tests ------------------------------------------------------------------------------------

describe("AsaClient's options", () => {
  it("refuses to be built without a team, a key id or a key secret", () => {
    const given = { baseUrl: "http://127.0.0.1:9/asa", team: "t", keyId: "k", keySecret: "s" };
    for (const missing of ["team", "keyId", "keySecret"] as const) {
      assert.throws(() => new AsaClient({ ...given, [missing]: "" }), {
        message: "AsaClient needs team, keyId and keySecret",
      });
    }
  });

  it("talks to https://app.scaleft.com unless told otherwise", () => {
    assert.equal(ASA_DEFAULT_BASE_URL, "https://app.scaleft.com");
    const credentials = { team: TEAM, keyId: "k", keySecret: "s" };
    assert.equal(
      new AsaClient(credentials).identity,
      new AsaClient({ ...credentials, baseUrl: "https://app.scaleft.com/" }).identity,
    );
  });

  it("shares one token between a base URL with trailing slashes and the same URL without", async () => {
    const emu = emulator();
    forgetTokens();
    await emu.control.clearCounters();
    const slashed = asaClient(emu, { baseUrl: `${emu.asaUrl}//` });
    assert.equal(slashed.identity, asaClient(emu).identity);
    await slashed.getUser("Jason.Compson.IV");
    await asaClient(emu).getUser("Jason.Compson.IV");
    assert.equal(await counter(emu, TOKEN_ROUTE), 1);
  });

  it("folds the team's case as the API does, even a letter whose upper case folds otherwise", async () => {
    // The Kelvin sign "K" lower-cases to "k" (the API finds "william-faulkner") but upper-cases
    // to itself: only lower-case folding sees the two spellings as one team.
    const emu = emulator();
    await emu.control.reset();
    forgetTokens();
    forgetUserDirectories();
    const kelvin = asaClient(emu, { team: "william-faul\u212Aner" });
    const plain = asaClient(emu);
    assert.equal(kelvin.identity, plain.identity);
    await userDirectory(kelvin).problems(["Jason.Compson.IV"]);
    assert.deepEqual(await userDirectory(plain).problems(["Jason.Compson.IV"]), []);
    assert.equal(await counter(emu, USER_ROUTE), 1, "one directory for both spellings");
    await plain.getUser("Jason.Compson.IV");
    assert.equal(await counter(emu, TOKEN_ROUTE), 1, "one token for both spellings");
    forgetUserDirectories();
  });
});

describe("AsaClient refuses to send what the API would refuse", () => {
  const invalid = (asa: AsaClient) =>
    [
      [
        "PUT /v1/teams/william-faulkner/users/Jason.Compson.IV failed: invalid_request (field status)",
        asa.updateUser("Jason.Compson.IV", { status: "GONE" as never }),
      ],
      [
        "POST /v1/teams/william-faulkner/groups failed: invalid_request (field name)",
        asa.createGroup({ name: "", roles: [] }),
      ],
      [
        "PUT /v1/teams/william-faulkner/groups/compsons failed: invalid_request (field roles[0])",
        asa.updateGroup("compsons", { roles: ["root" as never] }),
      ],
      [
        "POST /v1/teams/william-faulkner/groups/compsons/users failed: invalid_request (field name)",
        asa.addUserToGroup("compsons", ""),
      ],
    ] as const;

  it("names the API, method, path and field, and sends nothing", async () => {
    const emu = emulator();
    const asa = asaClient(emu);
    await asa.getUser("Jason.Compson.IV"); // the token exchange, out of the way
    await emu.control.clearCounters();
    for (const [said, call] of invalid(asa)) {
      const err = await rejection(call);
      assert.ok(err instanceof ApiError);
      assert.equal(err.api, "asa");
      assert.ok(err.message.startsWith(`Okta ASA ${said}: not sent: `), err.message);
    }
    assert.deepEqual((await emu.control.counters()).asa, {});
  });
});

describe("AsaClient's retries", () => {
  it("asks again for a token when the exchange answers 503", async () => {
    const emu = emulator();
    await emu.control.reset();
    forgetTokens();
    await emu.control.setFaults({
      asa: { serverErrors: { share: 1, status: 503, paths: ["/service_token"] } },
    });
    const asa = asaClient(emu, { clock: retryClock(emu) });
    assert.equal((await asa.getUser("Jason.Compson.IV")).name, "Jason.Compson.IV");
    assert.equal(await counter(emu, TOKEN_ROUTE), 2);
  });

  it("retries adding a member after a 503, and takes the retry's 409 as already added", async () => {
    const asa = standInClient();
    memberAdds.clear();
    await asa.addUserToGroup("lost-answer", "Jason.Compson.IV");
    assert.equal(memberAdds.get("lost-answer"), 2, "one attempt, one retry");
    // A 409 at the first attempt is no lost answer: it fails.
    const err = await rejection(asa.addUserToGroup("lost-answer", "Jason.Compson.IV"));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 409);
  });
});

describe("AsaClient's token checks", () => {
  it("refuses a token for another team, saying so in ASA's terms", async () => {
    const asa = standInClient({ team: "my-team" });
    const err = await rejection(asa.getUser("someone"));
    assert.ok(err instanceof ApiError);
    assert.equal(
      err.message,
      'Okta ASA POST /v1/teams/my-team/service_token failed: 200 team_mismatch: the token is for team "Other-Team", not "my-team"',
    );
  });

  it("refuses a token whose expiry is not a date, and sends nothing with it", async () => {
    const from = standInLog.length;
    const asa = standInClient({ team: "bad-date" });
    const err = await rejection(asa.getUser("someone"));
    assert.ok(err instanceof ApiError);
    assert.equal(
      err.message,
      "Okta ASA POST /v1/teams/bad-date/service_token failed: 200 invalid_response (field expires_at): expires_at is not a date",
    );
    assert.deepEqual(receivedSince(from), []);
  });

  it("never shows the key secret, even when the API repeats it in an error", async () => {
    const emu = emulator();
    await emu.control.reset();
    forgetTokens();
    await emu.control.setFaults({ asa: { echoes: { status: 400, paths: ["/service_token"] } } });
    const { keySecret } = emu.credentials.asa;
    const err = await rejection(asaClient(emu).getUser("Jason.Compson.IV"));
    await emu.control.clearFaults();
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 400);
    assert.ok(!everythingShown(err).includes(keySecret), everythingShown(err));
  });
});

describe("AsaClient's pages", () => {
  it("stops with an error when the next page link leads back to a page already read", async () => {
    const emu = emulator();
    await emu.control.reset();
    await emu.control.setSettings({ asa: { nextLinks: "loop" } });
    try {
      const read: string[] = [];
      const err = await rejection(
        (async () => {
          for await (const user of asaClient(emu).listUsers({ count: 1 })) {
            read.push(user.name);
            if (read.length > 5) throw new Error(`read ${read.join(", ")}: no end`);
          }
        })(),
      );
      assert.ok(err instanceof ApiError, String(err));
      assert.equal(
        err.message,
        "Okta ASA GET /v1/teams/william-faulkner/users failed: pagination_loop: the next page link repeats a page already read",
      );
      assert.equal(read.length, 2, "the first page, and the same page once more");
    } finally {
      await emu.control.reset();
    }
  });
});

describe("AsaClient.updateUser's details", () => {
  it("completes partial details from the user first, so the PUT carries all four", async () => {
    const asa = standInClient({ keySecret: "details-1" });
    const from = standInLog.length;
    await asa.updateUser("Jason.Compson.IV", { details: { first_name: "J.", email: null } });
    assert.deepEqual(receivedSince(from), [
      { method: "GET", path: "/v1/teams/stand-in/users/Jason.Compson.IV", body: undefined },
      {
        method: "PUT",
        path: "/v1/teams/stand-in/users/Jason.Compson.IV",
        body: {
          details: {
            first_name: "J.",
            last_name: "Compson",
            full_name: "Jason Compson IV",
            email: null,
          },
        },
      },
    ]);
  });

  it("completes details with nulls for a user that has none", async () => {
    const asa = standInClient({ keySecret: "details-2" });
    const from = standInLog.length;
    await asa.updateUser("robot", { details: { full_name: "Robot" } });
    assert.deepEqual(receivedSince(from).at(-1)?.body, {
      details: { first_name: null, last_name: null, full_name: "Robot", email: null },
    });
  });

  it("sends full details, or none, as given, without reading the user", async () => {
    const asa = standInClient({ keySecret: "details-3" });
    const from = standInLog.length;
    await asa.updateUser("Jason.Compson.IV", { details: STORED_DETAILS });
    await asa.updateUser("Jason.Compson.IV", { status: "DISABLED" });
    assert.deepEqual(
      receivedSince(from).map((entry) => [entry.method, entry.body]),
      [
        ["PUT", { details: STORED_DETAILS }],
        ["PUT", { status: "DISABLED" }],
      ],
    );
  });
});

describe("the run's user directory", () => {
  /** `count` distinct names nobody has. */
  const strangers = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => `${prefix}.${i}`);

  it("looks up to the limit of names one by one, each name once", async () => {
    const emu = emulator();
    await emu.control.reset();
    const directory = new UserDirectory(asaClient(emu));
    await directory.problems(["Jason.Compson.IV"]); // the token exchange, out of the way
    await emu.control.clearCounters();
    // With Jason's, exactly the limit of distinct names: still one by one.
    const names = strangers(LOOKUP_ONE_BY_ONE_UP_TO - 3, "nobody");
    const problems = await directory.problems([
      "Benjy.Compson",
      "Benjy.Compson",
      "Quentin.Compson.III",
      ...names,
    ]);
    assert.deepEqual(problems.slice(0, 2), [
      { name: "Quentin.Compson.III", problem: "deleted in ASA" },
      { name: names[0], problem: "no such user" },
    ]);
    assert.equal(problems.length, names.length + 1);
    const oneByOne = LOOKUP_ONE_BY_ONE_UP_TO - 1;
    assert.equal(await counter(emu, USER_ROUTE), oneByOne, "one call a name, Benjy's once");
    assert.equal(await counter(emu, LIST_ROUTE), 0);

    // Names already looked up cost nothing, and do not count twice towards the limit.
    assert.deepEqual(await directory.problems(["Benjy.Compson", "Jason.Compson.IV"]), []);
    assert.equal(await counter(emu, USER_ROUTE), oneByOne);
    assert.equal(await counter(emu, LIST_ROUTE), 0);
  });

  it("past the limit reads the team's list, service users included, and answers every later name from it", async () => {
    const emu = emulator();
    await emu.control.reset();
    const directory = new UserDirectory(asaClient(emu));
    assert.deepEqual(await directory.problems(["Sartoris"]), [
      { name: "Sartoris", problem: "no such user" },
    ]);
    await emu.control.asa.createUsers(TEAM, [{ name: "Sartoris" }]);
    await emu.control.clearCounters();
    const names = strangers(LOOKUP_ONE_BY_ONE_UP_TO, "nobody");
    const problems = await directory.problems(["faulkner-automation", ...names]);
    assert.deepEqual(
      problems.map((p) => p.name),
      names,
      "the service user can join a group",
    );
    assert.equal(await counter(emu, LIST_ROUTE), 1);
    assert.equal(await counter(emu, USER_ROUTE), 0);
    // Read after Sartoris was made: the list knows it, where the lookup before did not.
    assert.deepEqual(await directory.problems(["Sartoris"]), []);
    assert.equal(await counter(emu, USER_ROUTE), 0);
    assert.equal(await counter(emu, LIST_ROUTE), 1);
    await emu.control.reset();
  });
});

describe("AsaClient refuses list filters the API does not take", () => {
  /** Reads a whole list; the first item is enough to say whether the call was sent. */
  const firstOf = async (items: AsyncIterable<unknown>) => {
    for await (const item of items) return item;
    return undefined;
  };

  it("names the path and the filter, and sends nothing", async () => {
    const emu = emulator();
    const asa = asaClient(emu);
    await asa.getUser("Jason.Compson.IV"); // the token exchange, out of the way
    await emu.control.clearCounters();
    const base = "Okta ASA GET /v1/teams/william-faulkner";
    const refused = [
      [`${base}/users failed: invalid_request`, asa.listUsers({ starts: "J" } as never)],
      [`${base}/users failed: invalid_request (field count)`, asa.listUsers({ count: 0 })],
      [
        `${base}/users failed: invalid_request (field status)`,
        asa.listUsers({ status: "GONE" as never }),
      ],
      [`${base}/groups failed: invalid_request`, asa.listGroups({ deleted: true } as never)],
      [
        `${base}/groups/compsons/users failed: invalid_request (field status)`,
        asa.listGroupUsers("compsons", { status: ["ACTIVE", "GONE" as never] }),
      ],
      [
        `${base}/groups/compsons/users_not_in_group failed: invalid_request`,
        asa.listUsersNotInGroup("compsons", { starts_with: "J" } as never),
      ],
      [
        `${base}/users/Jason.Compson.IV/groups failed: invalid_request (field count)`,
        asa.listUserGroups("Jason.Compson.IV", { count: 1.5 }),
      ],
    ] as const;
    for (const [said, list] of refused) {
      const err = await rejection(firstOf(list));
      assert.ok(err instanceof ApiError, String(err));
      assert.ok(err.message.startsWith(`${said}`), err.message);
      assert.ok(err.message.includes(": not sent: "), err.message);
    }
    assert.deepEqual((await emu.control.counters()).asa, {});
  });

  it("sends the filters it takes as the query", async () => {
    const emu = emulator();
    const asa = asaClient(emu);
    const names: string[] = [];
    for await (const user of asa.listUsers({ starts_with: "Jason", count: 5, status: "ACTIVE" })) {
      names.push(user.name);
    }
    assert.deepEqual(names, ["Jason.Compson.IV"]);
    const groups = [];
    for await (const group of asa.listGroups({ contains: "compson", include_deleted: false })) {
      groups.push(group.name);
    }
    assert.ok(groups.length > 0);
  });
});
