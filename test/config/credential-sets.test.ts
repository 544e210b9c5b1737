import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { asaClient, asaKey } from "../../provider/asa/configured-client";
import { checkedSetting } from "../../provider/config";
import { chooseCredentials } from "../../provider/credential-sets/choose";
import { credentialSetKinds } from "../../provider/credential-sets/kinds";
import { scaikeyCredentials } from "../../provider/scaikey/configured-client";
import { secureframeClient } from "../../provider/secureframe/configured-client";
import { thrownMessage } from "../harness/refusals";
import { settingsReader } from "../harness/settings";

const opsSecret = "ops-key-secret-never-shown-4b1e";
const mainSecret = "main-key-secret-never-shown-77aa";

const twoTeams = settingsReader({
  asaTeam: "William-Faulkner",
  asaKeyId: "main-key",
  asaKeySecret: mainSecret,
  asaTeams: { OPS: { keyId: "ops-key", keySecret: opsSecret } },
});

describe("parsing identity:asaTeams and its kin", () => {
  test("a malformed value names the setting and the place, never a value, and shows the shape", () => {
    const cases: [unknown, RegExp][] = [
      [
        "{not json",
        /is not JSON; give \{ "<team>": \{ "keyId": "\.\.\.", "keySecret": "\.\.\." \} \}/,
      ],
      [{ ops: { keyId: "k" } }, /is not as expected: "ops"\.keySecret is missing; /],
      [
        { ops: { keyId: "k", keySecret: opsSecret, keySecert: opsSecret } },
        /"ops" has unknown fields "keySecert"; /,
      ],
      [{ ops: "k" }, /"ops" must be an object/],
      ['"just text"', /is not as expected: must be an object; /],
      [{ ops: { keyId: 5, keySecret: opsSecret } }, /"ops"\.keyId must be a string; /],
      [
        { ops: { keyId: "k", keySecret: opsSecret, keySecert: 1, key_id: 2 } },
        /"ops" has unknown fields "keySecert", "key_id"; /,
      ],
      [{ ops: { keyId: "k", keySecret: "" } }, /"ops"\.keySecret must not be empty/],
      [{ "a/b": { keyId: "k", keySecret: opsSecret } }, /the team "a\/b" is not a team name/],
      [
        { ops: { keyId: "k", keySecret: opsSecret }, OPS: { keyId: "k", keySecret: opsSecret } },
        /the team "OPS" is given twice/,
      ],
    ];
    for (const [value, expected] of cases) {
      const message = thrownMessage(() => settingsReader({ asaTeams: value })("asaTeams"));
      assert.match(message, /^identity:asaTeams \(stack config\) is /);
      assert.match(message, expected);
      assert.ok(!message.includes(opsSecret), message);
      assert.match(
        message,
        /set it with `pulumi config set --path 'identity:asaTeams\.<team>\.keyId' <keyId>` and `pulumi config set --secret --path 'identity:asaTeams\.<team>\.keySecret' <keySecret>`, or the environment variable ASA_TEAMS \(JSON\)\.$/,
      );
    }
  });

  test("a tenant's set must be named by the tenant's id", () => {
    assert.throws(
      () =>
        settingsReader({
          scaikeyTenants: { "compson-household": { clientId: "c", clientSecret: "s" } },
        })("scaikeyTenants"),
      { message: /the tenant "compson-household" is not a ScaiKey tenant id/ },
    );
  });

  test("without a source (a lookup's value) a secret's value is still never shown", () => {
    assert.throws(
      () => checkedSetting("asaTeams", { value: `{"ops": "${opsSecret}"}` }),
      (err: Error) => {
        assert.match(err.message, /^identity:asaTeams \(or ASA_TEAMS\) is not as expected/);
        assert.ok(!err.message.includes(opsSecret));
        return true;
      },
    );
  });
});

describe("names and shapes of sets", () => {
  test("set names and the names asked for are trimmed; ASA's are folded to lower case, ScaiKey's are not", () => {
    const spaced = settingsReader({
      asaTeams: { " Ops ": { keyId: "ops-key", keySecret: opsSecret } },
      scaikeyTenants: { " tnt_Other ": { clientId: "cli_other", clientSecret: opsSecret } },
      scaikeyClientId: "cli_main",
      scaikeyClientSecret: mainSecret,
    });
    assert.equal(asaKey(" OPS ", spaced).keyId, "ops-key");
    assert.equal(scaikeyCredentials(" tnt_Other ", spaced).clientId, "cli_other");
    assert.equal(scaikeyCredentials("tnt_other", spaced).clientId, "cli_main", "another tenant");
  });

  test("Secureframe's shape marks baseUrl optional, and a named account is described by its key pair, neither shown", () => {
    const message = thrownMessage(() =>
      settingsReader({ secureframeAccounts: "[" })("secureframeAccounts"),
    );
    assert.match(
      message,
      /is not JSON; give \{ "[^"]+": \{ "apiKey": "\.\.\.", "apiSecret": "\.\.\.", "baseUrl": "\.\.\." \(optional\) \} \}, one entry per account/,
    );
    const read = settingsReader({
      secureframeAccounts: { uk: { apiKey: "key-uk", apiSecret: opsSecret } },
    });
    assert.equal(
      chooseCredentials(credentialSetKinds.secureframe, "uk", read).described,
      "identity:secureframeAccounts.uk.apiKey and identity:secureframeAccounts.uk.apiSecret",
      "the key is a secret too",
    );
  });

  test("with no team asked for, the default team's single keys; each set's values trimmed", () => {
    assert.equal(
      chooseCredentials(credentialSetKinds.asa, undefined, twoTeams).values.keyId,
      "main-key",
    );
    const spaced = settingsReader({
      asaTeams: { ops: { keyId: " ops-key ", keySecret: opsSecret } },
    });
    assert.equal(asaKey("ops", spaced).keyId, "ops-key");
  });

  test("a team with no set names the default team's single keys as configured", () => {
    const read = settingsReader({ asaTeam: "compsons", asaTeams: {} });
    assert.match(
      thrownMessage(() => asaKey("sartoris", read)),
      /^No credentials for Okta ASA team "sartoris": the teams with credentials are "compsons" \(identity:asaKeyId, identity:asaKeySecret\)\. /,
    );
    const none = settingsReader({
      scaikeyTenants: { tnt_a: { clientId: "c", clientSecret: opsSecret } },
    });
    assert.equal(
      chooseCredentials(credentialSetKinds.asa, undefined, none).values.keyId,
      undefined,
    );
  });
});

describe("choosing the set", () => {
  test("a team with a set uses it, whatever its case; the default team uses the single keys", () => {
    assert.deepEqual(asaKey("ops", twoTeams), {
      keyId: "ops-key",
      keySecret: opsSecret,
      described: 'identity:asaTeams.ops.keyId = "ops-key" and identity:asaTeams.ops.keySecret',
    });
    assert.equal(asaKey("Ops", twoTeams).keyId, "ops-key");
    assert.deepEqual(asaKey("william-faulkner", twoTeams), {
      keyId: "main-key",
      keySecret: mainSecret,
      described: undefined,
    });
    assert.equal(asaClient(undefined, twoTeams).team, "william-faulkner");
  });

  test("a team with no key fails naming it, the teams that have one and the commands", () => {
    assert.throws(() => asaKey("sartoris", twoTeams), {
      message:
        'No credentials for Okta ASA team "sartoris": the teams with credentials are "william-faulkner" (identity:asaKeyId, identity:asaKeySecret), "ops" (identity:asaTeams.ops). Give this team its own with `pulumi config set --path \'identity:asaTeams.sartoris.keyId\' <keyId>` and `pulumi config set --secret --path \'identity:asaTeams.sartoris.keySecret\' <keySecret>`, or set team to one of those.',
    });
  });

  test("with no set and no default team, the single keys serve any team, as before sets existed", () => {
    const single = settingsReader({ asaKeyId: "k", asaKeySecret: mainSecret });
    assert.equal(asaKey("anyone", single).keyId, "k");
    const setsOnly = settingsReader({
      asaTeams: { ops: { keyId: "ops-key", keySecret: opsSecret } },
    });
    assert.throws(() => asaKey("anyone", setsOnly), {
      message:
        /^No credentials for Okta ASA team "anyone": the teams with credentials are "ops" \(identity:asaTeams\.ops\)\./,
    });
  });

  test("a named set's single key missing is the missing single setting", () => {
    assert.throws(
      () => asaKey("william-faulkner", settingsReader({ asaTeam: "william-faulkner" })),
      {
        message: /^Missing identity:asaKeyId: /,
      },
    );
  });

  test("ScaiKey's single client serves tenants with no set; a tenant with one uses it", () => {
    const read = settingsReader({
      scaikeyTenant: "tnt_main",
      scaikeyClientId: "cli_main",
      scaikeyClientSecret: mainSecret,
      scaikeyTenants: { tnt_other: { clientId: "cli_other", clientSecret: opsSecret } },
    });
    assert.equal(scaikeyCredentials("tnt_third", read).clientId, "cli_main");
    assert.deepEqual(scaikeyCredentials("tnt_other", read), {
      clientId: "cli_other",
      clientSecret: opsSecret,
      described:
        'identity:scaikeyTenants.tnt_other.clientId = "cli_other" and identity:scaikeyTenants.tnt_other.clientSecret',
    });
  });

  test("a Secureframe account uses its own base URL, else the single one; an unknown account fails", () => {
    const read = settingsReader({
      secureframeApiKey: "key-main",
      secureframeApiSecret: mainSecret,
      secureframeBaseUrl: "https://api.secureframe.com",
      secureframeAccounts: {
        uk: { apiKey: "key-uk", apiSecret: opsSecret, baseUrl: "https://api-uk.secureframe.com" },
        us2: { apiKey: "key-us2", apiSecret: opsSecret },
      },
    });
    const kind = credentialSetKinds.secureframe;
    assert.equal(
      chooseCredentials(kind, "uk", read).values.baseUrl,
      "https://api-uk.secureframe.com",
    );
    assert.equal(
      chooseCredentials(kind, "us2", read).values.baseUrl,
      "https://api.secureframe.com",
    );
    assert.equal(chooseCredentials(kind, undefined, read).values.apiKey, "key-main");
    assert.throws(() => secureframeClient(read, "eu"), {
      message:
        /^No credentials for Secureframe account "eu": the accounts with credentials are "uk" \(identity:secureframeAccounts\.uk\), "us2" /,
    });
    const badUrl = settingsReader({
      secureframeAccounts: { uk: { apiKey: "k", apiSecret: opsSecret, baseUrl: "api-uk" } },
    });
    assert.throws(() => chooseCredentials(kind, "uk", badUrl), {
      message: /^identity:secureframeAccounts\.uk\.baseUrl = "api-uk" is not an http\(s\) URL/,
    });
  });
});
