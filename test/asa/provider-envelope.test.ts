import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, describe, test } from "vitest";
import { UNKNOWN } from "../../provider/resource";
import { emulatorConfig } from "../harness/emulator-config";
import { type AsaFixture, routes, startAsaFixture } from "./fixture";

// The registry loads providers with Node's own require, as Pulumi's host does. So that every
// module is the one the providers use (their settings, the run's user directory, ApiError for
// instanceof), the registry is loaded the same way, and everything it works with.
const hostRequire = createRequire(__filename);
const { kindLabel, providerFor } = hostRequire(
  "../../provider/registry",
) as typeof import("../../provider/registry");
const hostModules = {
  config: hostRequire("../../provider/config") as typeof import("../../provider/config"),
  directory: hostRequire(
    "../../provider/asa/user-directory",
  ) as typeof import("../../provider/asa/user-directory"),
  groups: hostRequire(
    "../../provider/asa/group-view",
  ) as typeof import("../../provider/asa/group-view"),
  resource: hostRequire("../../provider/resource") as typeof import("../../provider/resource"),
  transport: hostRequire("../../provider/transport") as typeof import("../../provider/transport"),
};

// What every provider method gets from the registry, around the resource's own code: the hidden
// __urn kept in inputs and outputs, and access refusals explained (as check failures in check).

const urn = "urn:pulumi:test::access::pulumi-nodejs:dynamic/asa:GroupMembership::eng-members";
const provider = providerFor("asa:GroupMembership");

let asa: AsaFixture;
beforeAll(async () => {
  asa = await startAsaFixture();
  const config = new Map(emulatorConfig(asa.emulator).map(({ key, value }) => [key, value]));
  await hostModules.config.configure({
    config: {
      get: (key: string) => config.get(key),
      require: (key: string) => config.get(key) ?? "",
    },
  });
});
beforeEach(async () => {
  hostModules.directory.forgetUserDirectories();
  hostModules.groups.forgetGroupViews();
  await asa.emulator.control.reset();
  await asa.emulator.control.asa.createGroup(asa.team, { name: "eng" });
});
afterAll(() => asa.stop());

describe("the registry's providers", () => {
  test("name their kind as programs write it, and are loaded once", () => {
    assert.equal(kindLabel("asa:GroupMembership"), "asa.GroupMembership");
    assert.equal(providerFor("asa:GroupMembership"), provider);
    assert.throws(
      () => providerFor("asa:Nope" as never),
      /has no provider for asa:Nope; upgrade the package/,
    );
  });

  test("keep __urn through check, create, read and update, so reads and deletes have it", async () => {
    const checked = await provider.check?.(
      {},
      { group: "eng", members: ["Benjy.Compson"], __urn: urn },
    );
    assert.deepEqual(checked?.failures, []);
    assert.equal(checked?.inputs.__urn, urn);
    const created = await provider.create(checked?.inputs ?? {});
    assert.equal(created.outs.__urn, urn);
    const read = await provider.read?.(created.id, created.outs);
    assert.equal(read?.props?.__urn, urn);
    assert.equal(read?.inputs?.__urn, urn);
    const news = {
      ...(checked?.inputs ?? {}),
      members: { "Benjy.Compson": true, "Jason.Compson.IV": true },
    };
    const updated = await provider.update?.(created.id, created.outs, news);
    assert.equal(updated?.outs.__urn, urn);
    await provider.delete?.(created.id, updated?.outs ?? {});
    assert.deepEqual(await asa.membersOf("eng"), []);
  });

  test("pass an unknown __urn (a preview) through, and keep __urn on a partial failure's outputs", async () => {
    const previewed = await provider.check?.(
      {},
      { group: "eng", members: ["Benjy.Compson"], __urn: UNKNOWN },
    );
    assert.equal(previewed?.inputs.__urn, UNKNOWN);
    await asa.emulator.control.setFaults({
      asa: {
        echoes: { status: 400, methods: ["POST"], paths: ["/groups/eng/users"] },
      },
    });
    const inputs = {
      group: "eng",
      team: asa.team,
      mode: "authoritative",
      adopt: false,
      members: { "Benjy.Compson": true },
      __urn: urn,
    };
    const err = await provider.create(inputs).then(
      () => assert.fail("the create should fail"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof hostModules.resource.PartialFailure);
    assert.equal(err.properties.__urn, urn);
    assert.equal(await asa.count(routes.addMember), 1);
  });

  test("turn a refused key into a check failure naming the settings, and explain it in other methods", async () => {
    await asa.emulator.control.setFaults({
      asa: { serverErrors: { share: 1, status: 500, paths: ["/nothing"] } },
    });
    const data = await asa.emulator.control.data();
    const key = data.asa.teams[0]?.service_keys[0];
    assert.ok(key);
    key.key_secret = "rotated-away-0000";
    await asa.emulator.control.loadData(data);
    // A new run: no token, and nothing read, kept from the tests before.
    hostModules.transport.forgetTokens();
    hostModules.groups.forgetGroupViews();
    const checked = await provider.check?.({}, { group: "eng", members: ["someone-new"] });
    assert.match(
      checked?.failures?.[0]?.reason ?? "",
      /^Okta ASA refused the API key identity:asaKeyId = "[^"]+" \(stack config\) and identity:asaKeySecret \(stack config\) for team "william-faulkner"/,
    );
    await assert.rejects(
      provider.read?.(`${asa.team}/eng`, { group: "eng", team: asa.team }) ?? Promise.resolve(),
      /This was a read \(refresh\)/,
    );
  });
});
