import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, it } from "vitest";
import { ApiError } from "../../provider/errors";
import { asaClient, collect, rejection, useEmulator } from "../clients/emulator-setup";

// What a page's `Link: rel="next"` may make the client do: follow it on the API's own origin,
// never send the bearer token to another one, and never read the same page forever.

const emulator = useEmulator();
let trap: Server;
let trapOrigin: string;
const trapped: string[] = [];

beforeAll(async () => {
  trap = createServer((request, response) => {
    trapped.push(`${request.method} ${request.url} ${request.headers.authorization ?? ""}`);
    response.end("{}");
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
  trapOrigin = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => trap.close(() => resolve())));

/** A team with a group of 250 members, so its member list has three pages. */
async function bigGroup() {
  const emu = emulator();
  await emu.control.reset();
  const { team } = emu.credentials.asa;
  const names = Array.from({ length: 250 }, (_, i) => `paged-${String(i).padStart(4, "0")}`);
  await emu.control.asa.createUsers(
    team,
    names.map((name) => ({ name })),
  );
  await emu.control.asa.createGroup(team, { name: "paged", members: names });
  return { emu, names };
}

describe("next page links", () => {
  it("on the API's origin, every page is read", async () => {
    const { emu, names } = await bigGroup();
    const users = await collect(asaClient(emu).listGroupUsers("paged"));
    assert.deepEqual(users.map((u) => u.name).sort(), names);
  });

  it("to another origin, the list is refused with foreign_url and nothing is sent there", async () => {
    const { emu } = await bigGroup();
    await emu.control.setSettings({ asa: { nextLinks: trapOrigin } });
    const err = await rejection(collect(asaClient(emu).listGroupUsers("paged")));
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "foreign_url");
    assert.match(err.message, new RegExp(`refusing to send credentials to ${trapOrigin}`));
    assert.deepEqual(trapped, [], "no request reached the other origin");
  });

  it("a call given an absolute URL on another origin is refused the same way, unsent", async () => {
    const { emu } = await bigGroup();
    const transport = (
      asaClient(emu) as unknown as { session: { transport: { call(r: object): Promise<unknown> } } }
    ).session.transport;
    const err = await rejection(
      transport.call({ method: "GET", path: `${trapOrigin}/v1/teams/x/users` }),
    );
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "foreign_url");
    assert.deepEqual(trapped, []);
  });

  it("pointing back to a page already read, the list ends with pagination_loop instead of running forever", async () => {
    const { emu } = await bigGroup();
    await emu.control.setSettings({ asa: { nextLinks: "loop" } });
    await emu.control.clearCounters();
    const err = await rejection(collect(asaClient(emu).listGroupUsers("paged")));
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "pagination_loop");
    const pages = (await emu.control.counters()).asa[
      "GET /v1/teams/:team_name/groups/:group_name/users"
    ];
    assert.ok(pages !== undefined && pages <= 3, `${pages} pages read`);
  });
});
