import assert from "node:assert/strict";
import { beforeAll, test } from "vitest";
import { explainAccessError } from "../../provider/access-errors";
import { groupProvider } from "../../provider/asa/group";
import { configure } from "../../provider/config";
import { ApiError } from "../../provider/errors";
import { spec as scaikeyStatus } from "../../provider/scaikey/user-status";
import { spec as secureframeStatus } from "../../provider/secureframe/user-status";

// The providers as Pulumi's host configures them: stack config with named sets, nothing else.

const opsSecret = "ops-key-secret-never-shown-5d2c";

beforeAll(async () => {
  for (const name of ["ASA_TEAMS", "ASA_KEY_ID", "ASA_KEY_SECRET", "SECUREFRAME_ACCOUNTS"])
    delete process.env[name];
  const config = new Map([
    ["identity:asaTeam", "william-faulkner"],
    ["identity:asaKeyId", "main-key"],
    ["identity:asaKeySecret", "main-key-secret-never-shown"],
    ["identity:asaTeams", JSON.stringify({ ops: { keyId: "ops-key", keySecret: opsSecret } })],
    ["identity:scaikeyTenant", "tnt_main"],
    ["identity:scaikeyTenants", JSON.stringify({ tnt_other: { clientId: "cli_o" } })],
    [
      "identity:secureframeAccounts",
      JSON.stringify({ uk: { apiKey: "k-uk", apiSecret: opsSecret } }),
    ],
  ]);
  await configure({ config: { get: (key: string) => config.get(key), require: () => "" } });
});

test("a resource naming a team with no key fails its check (the preview) on team", async () => {
  const provider = groupProvider();
  const sartoris = await provider.check?.({}, { name: "eng", roles: [], team: "Sartoris" });
  assert.equal(sartoris?.failures?.length, 1);
  assert.match(
    sartoris?.failures?.[0]?.reason ?? "",
    /^team: No credentials for Okta ASA team "sartoris": the teams with credentials are "william-faulkner" \(identity:asaKeyId, identity:asaKeySecret\), "ops" \(identity:asaTeams\.ops\)\. Give this team its own with `pulumi config set --path 'identity:asaTeams\.sartoris\.keyId' <keyId>` and `pulumi config set --secret --path 'identity:asaTeams\.sartoris\.keySecret' <keySecret>`/,
  );
  for (const team of ["ops", undefined]) {
    const news = { name: "eng", roles: [], ...(team ? { team } : {}) };
    assert.deepEqual((await provider.check?.({}, news))?.failures, []);
  }
});

test("a malformed set fails the check of every resource of its API, never showing a secret", async () => {
  const result = await scaikeyStatus
    .provider()
    .check?.({}, { user: "usr_1", status: "ACTIVE", tenantId: "tnt_other" });
  const reasons = result?.failures?.map((f) => f.reason) ?? [];
  assert.equal(reasons.length, 1);
  assert.match(
    reasons[0] ?? "",
    /^tenantId: identity:scaikeyTenants \(stack config\) is not as expected: "tnt_other"\.clientSecret is missing;/,
  );
});

test("a Secureframe account with no key pair fails on account; a configured one passes", async () => {
  const provider = secureframeStatus.provider();
  const eu = await provider.check?.({}, { user: "a@example.com", active: true, account: "eu" });
  assert.match(
    eu?.failures?.[0]?.reason ?? "",
    /^account: No credentials for Secureframe account "eu": the accounts with credentials are "uk"/,
  );
  const uk = await provider.check?.({}, { user: "a@example.com", active: true, account: "uk" });
  assert.deepEqual(uk?.failures, []);
});

test("a refusal names the named set the call used, never its secret", () => {
  const refused = new ApiError({
    api: "asa",
    method: "POST",
    path: "/v1/teams/ops/service_token",
    status: 401,
  });
  refused.credentials =
    'identity:asaTeams.ops.keyId = "ops-key" and identity:asaTeams.ops.keySecret';
  const { message } = explainAccessError(refused, "read") as Error;
  assert.match(
    message,
    /^Okta ASA refused the API key identity:asaTeams\.ops\.keyId = "ops-key" and identity:asaTeams\.ops\.keySecret for team "ops": /,
  );
  assert.ok(!message.includes(opsSecret));
});
