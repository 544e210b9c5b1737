import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, it } from "vitest";
import { AsaClient } from "../../provider/asa";
import { ApiError } from "../../provider/errors";
import { closeAllPools } from "../../provider/transport";
import { rejection } from "./emulator-setup";

// The emulator always answers the team that was asked for, so the team check needs a server
// that answers another one, as a misrouted or misconfigured service would.
describe("ASA token team check", () => {
  let server: Server;
  let baseUrl = "";
  beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader("content-type", "application/json");
      if (request.url?.endsWith("/service_token")) {
        const expires = new Date(Date.now() + 3_600_000).toISOString();
        response.end(
          JSON.stringify({
            bearer_token: "eyJ.not-for-you.sig",
            expires_at: expires,
            team_name: "Other-Team",
          }),
        );
      } else {
        response.end(JSON.stringify({ list: [] }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await closeAllPools();
    server.close();
  });

  it("accepts the token of the same team in another case", async () => {
    const asa = new AsaClient({ baseUrl, team: "other-team", keyId: "k", keySecret: "secret-one" });
    assert.deepEqual(await asa.listGroups()[Symbol.asyncIterator]().next(), {
      done: true,
      value: undefined,
    });
  });

  it("rejects a token issued for another team, and sends nothing with it", async () => {
    const asa = new AsaClient({ baseUrl, team: "my-team", keyId: "k", keySecret: "secret-two" });
    const err = await rejection(asa.getUser("someone"));
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, "team_mismatch");
    assert.equal(err.apiMessage, 'the token is for team "Other-Team", not "my-team"');
    assert.ok(!err.message.includes("not-for-you"));
  });
});
