import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { ApiError } from "../../provider/errors";
import {
  asaClient,
  everythingShown,
  rejection,
  scaikeyClient,
  secureframeClient,
  useEmulator,
} from "../clients/emulator-setup";

const emulator = useEmulator();

/** The cached bearer token of a client, read the way only a test would. */
function tokenOf(client: object): string | undefined {
  return (client as { session: { tokens: { peek(): string | undefined } } }).session.tokens.peek();
}

function assertNothingSecret(err: unknown, secrets: (string | undefined)[]) {
  assert.ok(err instanceof ApiError, `not an ApiError: ${err}`);
  const shown = everythingShown(err);
  for (const secret of secrets) {
    if (secret)
      assert.ok(!shown.includes(secret), `the error shows a secret (${secret.slice(0, 4)}…)`);
  }
  assert.doesNotMatch(shown, /\bBearer\s+\S|\bBasic\s+\S|authorization:/i);
}

describe("no secret in any error", () => {
  it("ASA: wrong key secret, 404 with a live token, exhausted retries, timeout", async () => {
    const emu = emulator();
    const { keySecret } = emu.credentials.asa;
    const wrongSecret = "Zm9vYmFyLXdyb25nLXNlY3JldA==";
    assertNothingSecret(await rejection(asaClient(emu, { keySecret: wrongSecret }).getUser("x")), [
      wrongSecret,
      keySecret,
    ]);

    const asa = asaClient(emu, {
      timeScale: 0.001,
      retry: { maxAttempts: 2 },
      timeouts: { headersMs: 50 },
    });
    const notFound = await rejection(asa.getUser("nobody"));
    const token = tokenOf(asa);
    assert.ok(token, "the client holds a token");
    assertNothingSecret(notFound, [keySecret, token]);

    await emu.control.setFaults({ asa: { serverErrors: { share: 1, status: 500 } } });
    assertNothingSecret(await rejection(asa.listGroups()[Symbol.asyncIterator]().next()), [
      keySecret,
      token,
    ]);
    await emu.control.setFaults({ asa: { latency: { fixedMs: 2500 } } });
    assertNothingSecret(await rejection(asa.getUser("Jason.Compson.IV")), [keySecret, token]);
    await emu.control.clearFaults();
  });

  it("Secureframe: wrong secret, 403 from a read-only key, a refused connection", async () => {
    const emu = emulator();
    const { apiKey, apiSecret } = emu.credentials.secureframe;
    const wrong = "sfs_wrong_secret_value";
    assertNothingSecret(
      await rejection(secureframeClient(emu, { apiSecret: wrong }).getUser("x")),
      [wrong, apiSecret, `${apiKey} ${wrong}`],
    );
    const data = emu.data();
    data.secureframe.api_keys.push({
      key: "sfk_ro",
      secret: "sfs_ro_secret_value",
      read_only: true,
    });
    await emu.control.loadData(data);
    const readOnly = secureframeClient(emu, { apiKey: "sfk_ro", apiSecret: "sfs_ro_secret_value" });
    assertNothingSecret(
      await rejection(
        readOnly.updateUser("1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d", { active: false }),
      ),
      ["sfs_ro_secret_value"],
    );
    const refused = secureframeClient(emu, {
      baseUrl: "http://127.0.0.1:9/secureframe",
      timeScale: 0.001,
      retry: { maxAttempts: 1 },
    });
    assertNothingSecret(await rejection(refused.getUser("x")), [apiSecret]);
  });

  it("ScaiKey: bad client secret (Basic and form), 422, 404 with a live token", async () => {
    const emu = emulator();
    const { clientId, clientSecret } = emu.credentials.scaikey;
    const wrong = "wrong-client-secret-value";
    const basic = Buffer.from(`${clientId}:${wrong}`).toString("base64");
    assertNothingSecret(
      await rejection(scaikeyClient(emu, { clientSecret: wrong }).getUser("usr_x")),
      [wrong, basic],
    );
    assertNothingSecret(
      await rejection(
        scaikeyClient(emu, { clientSecret: wrong, clientAuthentication: "form" }).getUser("usr_x"),
      ),
      [wrong],
    );
    const sk = scaikeyClient(emu);
    const notFound = await rejection(sk.getUser("usr_nobody"));
    assert.ok(tokenOf(sk), "the client holds no token to look for");
    assertNothingSecret(notFound, [clientSecret, tokenOf(sk)]);
    const password = "tiny";
    const invalid = await rejection(sk.createUser({ email: "new.person@example.com", password }));
    assertNothingSecret(invalid, [clientSecret, tokenOf(sk), password]);
  });

  it("keeps the query string out of the error's path", async () => {
    const emu = emulator();
    const sk = scaikeyClient(emu);
    const err = await rejection(
      sk.deleteUser("usr_a0ef100cb9467317b1a26c4c", "not-his-email@example.com"),
    );
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 400);
    assert.equal(
      err.path,
      "/api/v1/tenants/tnt_a24a8f641821b521082680b9/users/usr_a0ef100cb9467317b1a26c4c",
    );
    assert.ok(!everythingShown(err).includes("not-his-email"));
  });
});
