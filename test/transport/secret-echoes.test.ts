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
  withFaults,
} from "../clients/emulator-setup";

// An API that echoes what it received (the emulator's `echoes` fault: its error bodies repeat the
// Authorization header and every string of the body, as sent and URL-encoded). Whatever a client's
// error shows, through its message, JSON.stringify or util.inspect, holds "[redacted]" instead.

const emulator = useEmulator();

/** The client's cached bearer token, read the way only a test would. */
function tokenOf(client: object): string {
  const token = (
    client as { session: { tokens: { peek(): string | undefined } } }
  ).session.tokens.peek();
  assert.ok(token, "the client holds a token");
  return token;
}

function assertRedacted(err: unknown, secrets: string[]): void {
  assert.ok(err instanceof ApiError, `not an ApiError: ${err}`);
  const shown = everythingShown(err);
  assert.match(err.message, /\[redacted\]/, "the echo was there, and redacted");
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret)]) {
      assert.ok(!shown.includes(form), `the error shows a secret (${form.slice(0, 6)}…)`);
    }
  }
}

describe("an API echoing the credentials it received", () => {
  it("ASA: the key secret of the token exchange, and the bearer token of a call", async () => {
    const emu = emulator();
    const { keySecret } = emu.credentials.asa;
    // The demo secret holds "/", "+" and "=": its URL-encoded form differs from it.
    assert.notEqual(encodeURIComponent(keySecret), keySecret);
    await withFaults(emu, { asa: { echoes: { status: 400, paths: ["/service_token"] } } });
    assertRedacted(await rejection(asaClient(emu).getUser("Jason.Compson.IV")), [keySecret]);

    await emu.control.clearFaults();
    const asa = asaClient(emu);
    await asa.getUser("Jason.Compson.IV");
    const token = tokenOf(asa);
    await emu.control.setFaults({ asa: { echoes: { status: 403, paths: ["/users/"] } } });
    assertRedacted(await rejection(asa.getUser("Jason.Compson.IV")), [keySecret, token]);
  });

  it("Secureframe: the key and secret of every call", async () => {
    const emu = await withFaults(emulator(), { secureframe: { echoes: { status: 400 } } });
    const { apiKey, apiSecret } = emu.credentials.secureframe;
    const err = await rejection(
      secureframeClient(emu).getUser("1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d"),
    );
    // The key is a secret setting too: shown neither alone nor with the secret.
    assertRedacted(err, [apiKey, apiSecret, `${apiKey} ${apiSecret}`]);
  });

  it("ScaiKey: the client secret (HTTP Basic or form fields), the bearer token, and a password sent", async () => {
    const emu = emulator();
    const { clientId, clientSecret } = emu.credentials.scaikey;
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString("base64");
    await withFaults(emu, { scaikey: { echoes: { status: 401, paths: ["/oauth/token"] } } });
    assertRedacted(await rejection(scaikeyClient(emu).getUser("usr_a0ef100cb9467317b1a26c4c")), [
      clientSecret,
      basic,
    ]);
    const formAuth = scaikeyClient(emu, { clientAuthentication: "form" });
    assertRedacted(await rejection(formAuth.getUser("usr_a0ef100cb9467317b1a26c4c")), [
      clientSecret,
    ]);

    await emu.control.clearFaults();
    const scaikey = scaikeyClient(emu);
    await scaikey.getUser("usr_a0ef100cb9467317b1a26c4c");
    const token = tokenOf(scaikey);
    await emu.control.setFaults({ scaikey: { echoes: { status: 409, methods: ["POST"] } } });
    const password = "N3w p@ss/word+with=odd&chars";
    const err = await rejection(
      scaikey.createUser({ email: "new.person@example.com", password, first_name: "New" }),
    );
    assertRedacted(err, [clientSecret, token, password]);
  });
});
