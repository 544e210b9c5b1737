import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { describe, test } from "vitest";

// A handle as Pulumi's host runs it, the build's file (scripts/write-handles): each method loads the installed package's registry
// (`pulumi-identity/dist/provider/registry.js`: here the build, which this repository resolves its
// own name to) and passes the call to the provider of its kind. Calls that need no API show it.

const handle: Required<pulumi.dynamic.ResourceProvider> = require("pulumi-identity/dist/provider/handles/asa-group.js");

describe("a provider handle", () => {
  test("check runs asa.Group's check: an unknown key is refused with its name", async () => {
    const result = await handle.check({}, { name: "ops", roles: ["access_user"], rols: [] });
    assert.ok(
      result.failures?.some((f) => /^rols: .*did you mean "roles"\?/.test(f.reason)),
      JSON.stringify(result.failures),
    );
  });

  test("diff, read and delete reach the provider: same roles, no change; nothing stored, nothing to do", async () => {
    const olds = { name: "ops", team: "t", roles: ["access_user"], adopt: false };
    const diff = await handle.diff("t/ops", olds, { ...olds, roles: ["access_user"] });
    assert.equal(diff.changes, false);
    assert.deepEqual(await handle.read("", {}), {});
    assert.equal(await handle.delete("", {}), undefined);
  });

  test("configure reaches the registry's settings: check then fills in the configured team", async () => {
    const config: Record<string, string> = {
      "identity:asaTeam": "ops-team",
      "identity:asaKeyId": "key-id",
      "identity:asaKeySecret": "key-secret",
    };
    await handle.configure({
      config: { get: (key: string) => config[key], require: (key: string) => config[key] ?? "" },
    } as never);
    const result = await handle.check({}, { name: "ops", roles: ["access_user"] });
    assert.deepEqual(result.failures ?? [], []);
    assert.equal(result.inputs?.team, "ops-team");
  });
});
