import assert from "node:assert/strict";
import { beforeAll, describe, test } from "vitest";
import { explainAccessError } from "../../provider/access-errors";
import { checkedSetting, configure, providerSetting } from "../../provider/config";
import { ApiError } from "../../provider/errors";

const secret = "key-secret-that-never-shows-9c1d";

beforeAll(async () => {
  const config = new Map([
    ["identity:asaKeyId", "9c4f4a13"],
    ["identity:asaKeySecret", secret],
    ["identity:asaBaseUrl", "app.scaleft.com"],
    ["identity:scaikeyClientId", "cli_x"],
  ]);
  await configure({ config: { get: (key: string) => config.get(key), require: () => "" } });
  process.env.SCAIKEY_CLIENT_SECRET = "env-client-secret-never-shown";
});

describe("settings are checked when read", () => {
  test("a base URL that is not an http(s) URL names the key, where it came from, its value and the fix", () => {
    assert.throws(() => providerSetting("asaBaseUrl"), {
      message:
        'identity:asaBaseUrl = "app.scaleft.com" (stack config) is not an http(s) URL; give the API\'s base URL, e.g. https://app.scaleft.com; set it with `pulumi config set identity:asaBaseUrl <value>` or the environment variable ASA_BASE_URL.',
    });
  });

  test("a tenant slug where the id belongs is refused; a tenant id and a good URL pass", () => {
    const slug = {
      value: "compson-household",
      source: "environment",
      variable: "SCAIKEY_TENANT",
    } as const;
    assert.throws(() => checkedSetting("scaikeyTenant", slug), {
      message: /^SCAIKEY_TENANT = "compson-household" \(environment\) is not a ScaiKey tenant id/,
    });
    assert.equal(
      checkedSetting("scaikeyTenant", { value: "tnt_a24a8f64", source: "config" }),
      "tnt_a24a8f64",
    );
    assert.equal(
      checkedSetting("scaikeyBaseUrl", { value: "http://127.0.0.1:7357/scaikey" }),
      "http://127.0.0.1:7357/scaikey",
    );
  });
});

describe("refusals of the credentials are explained", () => {
  const tokenRefused = new ApiError({
    api: "asa",
    method: "POST",
    path: "/v1/teams/no-such-team/service_token",
    status: 401,
    code: "authentication_error",
    apiMessage: "invalid API key",
  });

  test("ASA's 401 names the key id, the secret's setting (never its value) and the team, and what a 401 can mean", () => {
    const err = explainAccessError(tokenRefused, "create") as Error;
    assert.equal(
      err.message,
      'Okta ASA refused the API key identity:asaKeyId = "9c4f4a13" (stack config) and identity:asaKeySecret (stack config) for team "no-such-team": ASA answers 401 alike to a wrong key id or secret, a key of another team, a team that does not exist (the team comes from the resource\'s team, else identity:asaTeam) and a deactivated service user, so check the team\'s name and the service user\'s keys in ASA (Okta ASA POST /v1/teams/no-such-team/service_token failed: 401 authentication_error: invalid API key).',
    );
    assert.equal(err.cause, tokenRefused);
    assert.ok(!err.message.includes(secret));
  });

  test("during a read or a delete it says the stored config may be stale, and gives the flag", () => {
    for (const operation of ["read", "delete"] as const) {
      const { message } = explainAccessError(tokenRefused, operation) as Error;
      assert.match(
        message,
        /which is stale if the credentials were rotated since\. Run the command again with --run-program \(or set PULUMI_RUN_PROGRAM=true\) to use the current config\.$/,
      );
    }
    assert.doesNotMatch((explainAccessError(tokenRefused, "update") as Error).message, /stale/);
  });

  test("ScaiKey's invalid_client names the client id and where the secret came from; a 403 asks for the permission", () => {
    const refused = new ApiError({
      api: "scaikey",
      method: "POST",
      path: "/api/v1/platform/oauth/token",
      status: 400,
      code: "invalid_client",
    });
    const { message } = explainAccessError(refused, "check") as Error;
    assert.match(
      message,
      /^ScaiKey refused the OAuth client identity:scaikeyClientId = "cli_x" \(stack config\) and SCAIKEY_CLIENT_SECRET \(environment\)/,
    );
    assert.ok(!message.includes("env-client-secret-never-shown"));
    const forbidden = new ApiError({
      api: "secureframe",
      method: "PUT",
      path: "/users/1",
      status: 403,
    });
    assert.match(
      (explainAccessError(forbidden, "update") as Error).message,
      /^Secureframe does not let the credentials identity:secureframeApiKey and identity:secureframeApiSecret make this call: give them the permission it needs/,
    );
  });

  test("anything else passes through as it is", () => {
    const notFound = new ApiError({
      api: "asa",
      method: "GET",
      path: "/v1/teams/t/users/x",
      status: 404,
    });
    assert.equal(explainAccessError(notFound, "read"), notFound);
    const plain = new Error("boom");
    assert.equal(explainAccessError(plain, "read"), plain);
    assert.equal(explainAccessError(null, "read"), null);
  });

  test("ASA's team is read from the path, decoded, and only from a team path", () => {
    const on = (path: string) =>
      (
        explainAccessError(
          new ApiError({ api: "asa", method: "GET", path, status: 401 }),
          "create",
        ) as Error
      ).message;
    assert.match(
      on("/v1/teams/William%20Faulkner/users/x"),
      /\(stack config\) for team "William Faulkner": /,
    );
    assert.match(
      on("/v1/service_token"),
      /identity:asaKeySecret \(stack config\): ASA answers 401/,
    );
    assert.doesNotMatch(on("/proxy/v1/teams/other/users"), /for team/);
  });
});
