import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, test } from "vitest";
import { refusePlainCredentialSets } from "../../sdk/plain-credential-sets";

const secret = "plain-key-secret-never-shown-0e4f";
const sets = JSON.stringify({ ops: { keyId: "ops-key", keySecret: secret } });

afterEach(() => pulumi.runtime.setAllConfig({}, []));

test("credential sets in plain text in the stack config fail the program, naming the key and the fix", () => {
  pulumi.runtime.setAllConfig({ "identity:asaTeams": sets }, []);
  assert.throws(refusePlainCredentialSets, (err: Error) => {
    assert.equal(
      err.message,
      "identity:asaTeams is in the stack config in plain text, secrets included; set each team's secret with --secret (`pulumi config set --path 'identity:asaTeams.<team>.keyId' <keyId>` and `pulumi config set --secret --path 'identity:asaTeams.<team>.keySecret' <keySecret>`), so Pulumi encrypts it in Pulumi.<stack>.yaml and in the state.",
    );
    assert.ok(!err.message.includes(secret));
    return true;
  });
});

test("secret sets, and no sets at all, pass", () => {
  pulumi.runtime.setAllConfig({ "identity:asaTeams": sets }, ["identity:asaTeams"]);
  refusePlainCredentialSets();
  pulumi.runtime.setAllConfig({ "identity:asaTeam": "ops" }, []);
  refusePlainCredentialSets();
});
