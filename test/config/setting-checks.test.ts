import assert from "node:assert/strict";
import { describe, test } from "vitest";
import {
  checkedSetting,
  describeSetting,
  environmentSettings,
  fromEnvironment,
  howToSet,
  readSetting,
  useStackConfig,
} from "../../provider/config";
import { thrownMessage } from "../harness/refusals";

// Each setting's check, value by value, as a user meets it: a refusal naming the setting, where it
// came from, its value (never a secret's) and the fix; a good value given back as written.

const fromEnv = (variable: string, value: string) =>
  ({ value, source: "environment", variable }) as const;

describe("base URLs", () => {
  test("only http and https URLs pass", () => {
    const url = (value: string) => checkedSetting("asaBaseUrl", fromEnv("ASA_BASE_URL", value));
    assert.equal(url("http://127.0.0.1:8080/asa"), "http://127.0.0.1:8080/asa");
    assert.equal(url("https://app.scaleft.com"), "https://app.scaleft.com");
    assert.equal(
      thrownMessage(() => url("ftp://app.scaleft.com")),
      'ASA_BASE_URL = "ftp://app.scaleft.com" (environment) is not an http(s) URL; give the API\'s base URL, e.g. https://app.scaleft.com; set it with `pulumi config set identity:asaBaseUrl <value>` or the environment variable ASA_BASE_URL.',
    );
    assert.match(
      thrownMessage(() => url("app.scaleft.com")),
      /is not an http\(s\) URL/,
    );
  });
});

describe("whole numbers", () => {
  const connections = (value: string) =>
    checkedSetting("asaMaxConnections", fromEnv("PULUMI_IDENTITY_ASA_MAX_CONNECTIONS", value));

  test("the least allowed value passes, and spaces around a value are not part of it", () => {
    assert.equal(connections("1"), "1");
    assert.equal(connections(" 12 "), " 12 ");
  });

  test("anything but digits, or under the least, is refused", () => {
    for (const value of ["0", "x5", "5x", "1e3", "-1", "1.5"]) {
      assert.equal(
        thrownMessage(() => connections(value)),
        `PULUMI_IDENTITY_ASA_MAX_CONNECTIONS = ${JSON.stringify(value)} (environment) is not a whole number of at least 1; set it with \`pulumi config set identity:asaMaxConnections <value>\` or the environment variable PULUMI_IDENTITY_ASA_MAX_CONNECTIONS.`,
        value,
      );
    }
  });
});

describe("rate limits, teams and tenants", () => {
  test("a rate limit that does not parse says why, without repeating the parser's prefix", () => {
    assert.match(
      thrownMessage(() =>
        checkedSetting("asaRateLimit", fromEnv("PULUMI_IDENTITY_ASA_RATE_LIMIT", "lots")),
      ),
      /^PULUMI_IDENTITY_ASA_RATE_LIMIT = "lots" \(environment\) is not a rate limit: (?!invalid rate limit)\S/,
    );
    assert.equal(checkedSetting("asaRateLimit", { value: "500/1m", source: "config" }), "500/1m");
  });

  test("a tenant id is tnt_ and letters or digits, whole; spaces around it are trimmed for the check", () => {
    const tenant = (value: string) =>
      checkedSetting("scaikeyTenant", fromEnv("SCAIKEY_TENANT", value));
    assert.equal(tenant(" tnt_a24a8f64 "), " tnt_a24a8f64 ");
    for (const value of ["xtnt_a24a8f64", "tnt_a24a8f64!", "tnt_"]) {
      assert.match(
        thrownMessage(() => tenant(value)),
        /is not a ScaiKey tenant id/,
        value,
      );
    }
  });

  test("a team name cannot hold a slash", () => {
    assert.equal(checkedSetting("asaTeam", { value: "compsons", source: "config" }), "compsons");
    assert.match(
      thrownMessage(() => checkedSetting("asaTeam", { value: "teams/compsons", source: "config" })),
      /^identity:asaTeam = "teams\/compsons" \(stack config\) is not a team name/,
    );
  });

  test("a value with no known source names the key, the variable, and the value unless secret", () => {
    assert.match(
      thrownMessage(() => checkedSetting("scaikeyTenant", { value: "compson" })),
      /^identity:scaikeyTenant \(or SCAIKEY_TENANT\) = "compson" is not/,
    );
    const secretSets = thrownMessage(() => checkedSetting("asaTeams", { value: "not json" }));
    assert.match(secretSets, /^identity:asaTeams \(or ASA_TEAMS\) is /);
    assert.doesNotMatch(secretSets, /not json/);
    assert.equal(checkedSetting("asaTeams", {}), undefined);
  });
});

describe("where a setting comes from", () => {
  test("the environment: the per-API variable, then the shared one; blank counts as missing", () => {
    const env = {
      PULUMI_IDENTITY_ASA_MAX_CONNECTIONS: "  ",
      PULUMI_IDENTITY_MAX_CONNECTIONS: "4",
    };
    assert.deepEqual(fromEnvironment("asaMaxConnections", env), {
      value: "4",
      source: "environment",
      variable: "PULUMI_IDENTITY_MAX_CONNECTIONS",
    });
    assert.deepEqual(fromEnvironment("asaKeyId", { ASA_KEY_ID: " " }), { source: "missing" });
    assert.equal(environmentSettings({ ASA_KEY_ID: "9c4f" })("asaKeyId"), "9c4f");
  });

  test("stack config comes first, but an empty value in it is not a value", () => {
    process.env.SCAIKEY_CLIENT_ID = "cli_env";
    useStackConfig(
      (key) =>
        ({ "identity:scaikeyClientId": "", "identity:asaKeyId": "9c4f-config" })[key] as string,
    );
    assert.deepEqual(readSetting("scaikeyClientId"), {
      value: "cli_env",
      source: "environment",
      variable: "SCAIKEY_CLIENT_ID",
    });
    assert.deepEqual(readSetting("asaKeyId"), { value: "9c4f-config", source: "config" });
  });

  test("how messages name a setting: its key or variable, its value unless secret, its source", () => {
    assert.equal(
      describeSetting("asaKeyId", { value: "9c4f", source: "config" }),
      'identity:asaKeyId = "9c4f" (stack config)',
    );
    assert.equal(
      describeSetting("asaKeySecret", { value: "hidden", source: "config" }),
      "identity:asaKeySecret (stack config)",
    );
    assert.equal(
      describeSetting("asaKeyId", { value: "9c4f", source: "environment" }),
      'ASA_KEY_ID = "9c4f" (environment)',
      "the setting's own variable when none is named",
    );
    assert.equal(describeSetting("asaKeyId", { source: "missing" }), "identity:asaKeyId");
    for (const sets of ["asaTeams", "secureframeAccounts", "scaikeyTenants"] as const) {
      assert.equal(
        describeSetting(sets, { value: "{}", source: "config" }),
        `identity:${sets} (stack config)`,
        `${sets} holds secrets`,
      );
    }
  });

  test("how to set one: --secret for secrets; a set's required fields only", () => {
    assert.equal(
      howToSet("asaKeySecret"),
      "`pulumi config set --secret identity:asaKeySecret <value>` or the environment variable ASA_KEY_SECRET",
    );
    assert.equal(
      howToSet("scaikeyTenant"),
      "`pulumi config set identity:scaikeyTenant tnt_...` or the environment variable SCAIKEY_TENANT",
    );
    const accounts = howToSet("secureframeAccounts");
    assert.match(accounts, /--path 'identity:secureframeAccounts\.\S+\.apiKey' <apiKey>/);
    assert.match(accounts, /--secret --path 'identity:secureframeAccounts\.\S+\.apiSecret'/);
    assert.doesNotMatch(accounts, /baseUrl/, "an optional field is not asked for");
    assert.match(accounts, /, or the environment variable SECUREFRAME_ACCOUNTS \(JSON\)$/);
  });
});
