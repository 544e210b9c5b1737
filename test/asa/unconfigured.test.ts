import assert from "node:assert/strict";
import { beforeAll, expect, test } from "vitest";
import { groupProvider } from "../../provider/asa/group";
import { groupMembershipProvider } from "../../provider/asa/group-membership";

const asaGroupMembershipProvider = groupMembershipProvider();

const asaGroupProvider = groupProvider();

// A process where neither stack config nor environment names a team or a key.

beforeAll(() => {
  for (const name of ["ASA_TEAM", "ASA_KEY_ID", "ASA_KEY_SECRET", "ASA_BASE_URL"])
    delete process.env[name];
});

test("no team anywhere: check says how to give one", async () => {
  for (const [provider, news] of [
    [asaGroupProvider, { name: "eng", roles: [] }],
    [asaGroupMembershipProvider, { group: "eng", members: [] }],
  ] as const) {
    const result = await provider.check?.({}, news);
    assert.deepEqual(
      result?.failures?.map((f) => f.reason),
      [
        "team: no team given and identity:asaTeam is not set; pass team, or set it with `pulumi config set identity:asaTeam <team>` or the environment variable ASA_TEAM",
      ],
    );
  }
});

test("a team from the environment, lower-cased", async () => {
  process.env.ASA_TEAM = "William-Faulkner";
  const result = await asaGroupProvider.check?.({}, { name: "eng", roles: [] });
  assert.equal(result?.inputs.team, "william-faulkner");
  delete process.env.ASA_TEAM;
});

test("no key: create fails naming the config key and the environment variable", async () => {
  const inputs = { name: "eng", roles: [], team: "william-faulkner", adopt: false };
  await expect(asaGroupProvider.create(inputs)).rejects.toThrowErrorMatchingInlineSnapshot(
    `[Error: Missing identity:asaKeyId: set it with \`pulumi config set identity:asaKeyId <value>\` or the environment variable ASA_KEY_ID.]`,
  );
  process.env.ASA_KEY_ID = "key-id";
  await expect(asaGroupProvider.create(inputs)).rejects.toThrowErrorMatchingInlineSnapshot(
    `[Error: Missing identity:asaKeySecret: set it with \`pulumi config set --secret identity:asaKeySecret <value>\` or the environment variable ASA_KEY_SECRET.]`,
  );
  delete process.env.ASA_KEY_ID;
});
