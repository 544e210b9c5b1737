import assert from "node:assert/strict";
import { beforeAll, describe, test } from "vitest";
import { configure } from "../../provider/config";
import { spec } from "../../provider/diagnostics/provider-check";
import { providerFor, specFor } from "../../provider/registry";

// diagnostics.ProviderCheck, in process: what a user reads from its outputs to see which package
// version runs inside Pulumi and where each setting comes from (never a value).

const { version } = require("../../package.json") as { version: string };
const provider = spec.provider();

beforeAll(async () => {
  const config = new Map([["identity:asaKeySecret", "key-secret-never-shown"]]);
  await configure({ config: { get: (key: string) => config.get(key), require: () => "" } });
  process.env.SCAIKEY_CLIENT_ID = "cli_from_env";
  delete process.env.SECUREFRAME_API_KEY;
});

describe("diagnostics.ProviderCheck", () => {
  test("outputs the package version and each setting's source: stack config, environment or missing", async () => {
    const created = await provider.create({});
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.equal(created.outs.packageVersion, version);
    assert.equal(created.outs.settings.asaKeySecret, "config");
    assert.equal(created.outs.settings.scaikeyClientId, "environment");
    assert.equal(created.outs.settings.secureframeApiKey, "missing");
    assert.doesNotMatch(JSON.stringify(created.outs), /key-secret-never-shown|cli_from_env/);
  });

  test("two checks get different ids; refresh reads the sources again, with no inputs", async () => {
    const first = await provider.create({});
    const second = await provider.create({});
    assert.notEqual(first.id, second.id);
    process.env.SECUREFRAME_API_KEY = "sf-key-from-env";
    const read = await provider.read?.(first.id, first.outs);
    assert.equal(read?.id, first.id);
    assert.deepEqual(read?.inputs, {});
    assert.equal(read?.props.settings.secureframeApiKey, "environment");
    assert.equal(read?.props.packageVersion, version);
  });

  test("an argument is refused, naming it and the fix; the engine's __ keys pass", async () => {
    const checked = await provider.check?.({}, { verbose: true, __provider: "serialized" });
    assert.deepEqual(checked?.failures, [
      { property: "verbose", reason: 'ProviderCheck takes no arguments; remove "verbose".' },
    ]);
    assert.deepEqual(checked?.inputs, { verbose: true, __provider: "serialized" });
    const clean = await provider.check?.({}, { __provider: "serialized" });
    assert.deepEqual(clean?.failures, []);
  });

  test("a new package version is not a change", async () => {
    const diff = await provider.diff?.("id", { packageVersion: "0.0.1" }, {});
    assert.deepEqual(diff, { changes: false });
  });

  test("its outputs schema accepts what create returns and refuses another source", async () => {
    const created = await provider.create({});
    assert.deepEqual(spec.outputs.parse(created.outs), created.outs);
    for (const source of ["config", "environment", "missing"]) {
      const outputs = { packageVersion: version, settings: { asaKeySecret: source } };
      assert.equal(spec.outputs.safeParse(outputs).success, true, source);
    }
    assert.equal(spec.outputs.safeParse({ packageVersion: version, settings: {} }).success, true);
    const wrong = spec.outputs.safeParse({ packageVersion: version, settings: { a: "default" } });
    assert.equal(wrong.success, false);
    assert.equal(spec.args.safeParse({ extra: 1 }).success, false);
  });

  test("Pulumi's host finds it by its kind, diagnostics:ProviderCheck, as programs name it", async () => {
    const found = specFor("diagnostics:ProviderCheck");
    assert.equal(found?.kind, "diagnostics:ProviderCheck");
    assert.equal(found?.label, "diagnostics.ProviderCheck");
    assert.deepEqual([spec.module, spec.type], ["diagnostics", "ProviderCheck"]);
    const created = await providerFor("diagnostics:ProviderCheck").create({});
    assert.equal(created.outs.packageVersion, version);
  });

  test("none of its outputs is stored as a secret: the version and the sources show in plain", () => {
    assert.deepEqual(spec.secretOutputs, []);
  });
});
