import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { ApiError } from "../../provider/errors";
import { collect, rejection, secureframeClient, useEmulator } from "./emulator-setup";

const emulator = useEmulator();
const JASON = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";

describe("SecureframeClient against the emulator", () => {
  it("returns users as their flattened attributes, with id", async () => {
    const sf = secureframeClient(emulator());
    const jason = await sf.getUser(JASON);
    assert.equal(jason.id, JASON);
    assert.equal(jason.email, "jason.compson@example.com");
    assert.equal(jason.middle_name, "Lycurgus");
    assert.equal(jason.active, true);
  });

  it("reads every list shape: {data: [...]}, a top-level array, and the OpenAPI document's", async () => {
    const emu = emulator();
    const sf = secureframeClient(emu);
    const fromData = await collect(sf.listUsers());
    assert.ok(fromData.length >= 2);
    try {
      for (const listShape of ["array", "openapi"] as const) {
        await emu.control.setSettings({ secureframe: { listShape } });
        assert.deepEqual(await collect(sf.listUsers()), fromData, listShape);
      }
    } finally {
      await emu.control.setSettings({});
    }
  });

  it("updates through the query string and answers the updated user", async () => {
    const emu = emulator();
    const sf = secureframeClient(emu);
    await emu.control.clearRequests();
    const updated = await sf.updateUser(JASON, {
      active: false,
      end_date: "1933-04-01T00:00:00Z",
      employee_type: "contractor",
    });
    assert.equal(updated.active, false);
    assert.equal(updated.employee_type, "contractor");
    assert.equal(updated.end_date, "1933-04-01T00:00:00.000Z");
    const [put] = (await emu.control.requests()).filter((r) => r.method === "PUT");
    const query = new URL(put?.url ?? "", "http://x").searchParams;
    assert.equal(query.get("active"), "false");
    assert.equal(query.get("employee_type"), "contractor");
    const cleared = await sf.updateUser(JASON, { active: true, end_date: null });
    assert.equal(cleared.end_date, null);
  });

  it("finds a user by email whatever its case, and not a near miss", async () => {
    const sf = secureframeClient(emulator());
    assert.equal((await sf.findUserByEmail("Jason.Compson@example.com"))?.id, JASON);
    assert.equal(await sf.findUserByEmail("jason.compson@example.co"), undefined);
  });

  it("reads every page of 1,000+ users until a short page", async () => {
    const emu = emulator();
    await emu.control.reset();
    const before = (await emu.control.secureframe.users()).length;
    await emu.control.secureframe.createUsers(
      Array.from({ length: 1000 }, (_, i) => ({ email: `person${i}@example.com` })),
    );
    await emu.control.clearCounters();
    const users = await collect(secureframeClient(emu).listUsers());
    const total = before + 1000;
    assert.equal(users.length, total);
    assert.equal(new Set(users.map((u) => u.id)).size, total);
    assert.equal(
      (await emu.control.counters()).secureframe["GET /users"],
      Math.floor(total / 100) + 1,
      "full pages, then one short page",
    );
  });

  it("reports a 403 from a read-only key as an error, never as success", async () => {
    const emu = emulator();
    const data = emu.data();
    data.secureframe.api_keys.push({
      key: "sfk_readonly",
      secret: "sfs_readonly_secret",
      read_only: true,
    });
    await emu.control.loadData(data);
    const sf = secureframeClient(emu, { apiKey: "sfk_readonly", apiSecret: "sfs_readonly_secret" });
    assert.equal((await sf.getUser(JASON)).id, JASON);
    const err = await rejection(sf.updateUser(JASON, { active: false }));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 403);
    assert.equal(err.api, "secureframe");
    assert.match(
      err.message,
      /^Secureframe PUT \/users\/[0-9a-f-]+ failed: 403: You are not authorized/,
    );
    assert.equal((await emu.control.secureframe.user(JASON)).active, true);
  });

  it("reports a bad key as 401 with the API's message", async () => {
    const sf = secureframeClient(emulator(), { apiSecret: "wrong-secret" });
    const err = await rejection(sf.getUser(JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    assert.equal(err.apiMessage, "Authorization failed");
  });

  it("names the API, path and failing field when an answer does not match its schema", async () => {
    const emu = emulator();
    // The emulator's control API serves stored users bare (no JSON:API envelope) at the same
    // paths: a stand-in for a service whose answers changed shape.
    const sf = secureframeClient(emu, { baseUrl: `${emu.url}/_emulator/secureframe` });
    const err = await rejection(sf.getUser(JASON));
    assert.ok(err instanceof ApiError);
    assert.equal(err.api, "secureframe");
    assert.equal(err.status, 200);
    assert.equal(err.code, "invalid_response");
    assert.equal(err.path, `/users/${JASON}`);
    assert.equal(err.field, "data");
    assert.match(
      err.message,
      /^Secureframe GET \/users\/[0-9a-f-]+ failed: 200 invalid_response \(field data\)/,
    );
  });
});
