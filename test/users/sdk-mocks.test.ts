import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import type { MockResourceArgs } from "@pulumi/pulumi/runtime";
import { beforeAll, test } from "vitest";

// Program wiring only: Pulumi's mocks never run the providers (check, create, ... are not called).

const registered: MockResourceArgs[] = [];
const secretValue = "mock-secret-that-must-not-be-captured-41d9";

beforeAll(async () => {
  pulumi.runtime.setAllConfig(
    {
      "identity:secureframeApiSecret": secretValue,
      "identity:scaikeyClientSecret": secretValue,
      "identity:asaKeySecret": secretValue,
    },
    ["identity:secureframeApiSecret", "identity:scaikeyClientSecret", "identity:asaKeySecret"],
  );
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push(args);
        const { __provider: _provider, __urn: _urn, ...inputs } = args.inputs;
        // What a provider answers: the arguments echoed, the user's id and what it found.
        return {
          id: `${args.name}-id`,
          state: { ...inputs, userId: "u-1", originalValues: { found: true } },
        };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
});

function resolved<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/** The registration of a resource: its type token, its inputs without __provider and __urn, and that. */
function registration(name: string) {
  const args = registered.find((r) => r.name === name) ?? assert.fail(`${name} was not registered`);
  const { __provider: provider, __urn: urn, ...inputs } = args.inputs;
  assert.equal(typeof provider, "string");
  assert.ok(!(provider as string).includes(secretValue), "no credential in __provider");
  // The hidden __urn input is the resource's own URN, so progress can reach its row.
  assert.equal(urn, `urn:pulumi:stack::project::${args.type}::${name}`);
  return { type: args.type, inputs, provider: provider as string };
}

test("the six user resources register their type tokens and exactly the arguments given", async () => {
  const { asa, secureframe, scaikey } = await import("../../sdk");
  const resources = [
    new asa.UserAttributes("asa-attributes", {
      username: "Jason.Compson.IV",
      details: { firstName: "Jay", email: pulumi.output("jay@example.com") },
    }),
    new asa.UserStatus("asa-status", {
      username: "Benjy.Compson",
      team: "acme",
      status: "DISABLED",
    }),
    new secureframe.UserAttributes("sf-attributes", {
      user: "jason.compson@example.com",
      employeeType: "contractor",
      endDate: null,
      restoreOnDelete: true,
    }),
    new secureframe.UserStatus("sf-status", {
      user: "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d",
      active: false,
    }),
    new scaikey.UserAttributes("sk-attributes", {
      user: "usr_a0ef100cb9467317b1a26c4c",
      timezone: "America/Chicago",
      customAttributes: { employer: "Earl's" },
    }),
    new scaikey.UserStatus("sk-status", {
      user: "caddy.compson@example.com",
      tenantId: "tnt_a24a8f641821b521082680b9",
      status: "LOCKED",
      reason: "Too many attempts",
      terminateSessions: true,
    }),
  ];
  await Promise.all(resources.map((r) => resolved(r.urn)));

  const expected: Record<string, [string, Record<string, unknown>]> = {
    "asa-attributes": [
      "asa:UserAttributes",
      { username: "Jason.Compson.IV", details: { firstName: "Jay", email: "jay@example.com" } },
    ],
    "asa-status": [
      "asa:UserStatus",
      { username: "Benjy.Compson", team: "acme", status: "DISABLED" },
    ],
    "sf-attributes": [
      "secureframe:UserAttributes",
      {
        user: "jason.compson@example.com",
        employeeType: "contractor",
        endDate: null,
        restoreOnDelete: true,
      },
    ],
    "sf-status": [
      "secureframe:UserStatus",
      { user: "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d", active: false },
    ],
    "sk-attributes": [
      "scaikey:UserAttributes",
      {
        user: "usr_a0ef100cb9467317b1a26c4c",
        timezone: "America/Chicago",
        customAttributes: { employer: "Earl's" },
      },
    ],
    "sk-status": [
      "scaikey:UserStatus",
      {
        user: "caddy.compson@example.com",
        tenantId: "tnt_a24a8f641821b521082680b9",
        status: "LOCKED",
        reason: "Too many attempts",
        terminateSessions: true,
      },
    ],
  };
  for (const [name, [token, inputs]] of Object.entries(expected)) {
    const found = registration(name);
    assert.equal(found.type, `pulumi-nodejs:dynamic/${token}`);
    assert.deepEqual(found.inputs, inputs, name);
    // Loaded from source, the handle is copied by value and names its kind (the engine test
    // checks the installed package's: a require of the handle file).
    assert.ok(found.provider.includes(`kind: "${token}"`), name);
  }
});

test("outputs: the arguments echoed, the user's id and what was found; a secret argument stays secret", async () => {
  const { scaikey, secureframe } = await import("../../sdk");
  const attributes = new scaikey.UserAttributes("sk-secret", {
    user: "usr_a0ef100cb9467317b1a26c4c",
    phone: pulumi.secret("+1-662-555-0199"),
    displayName: "Jason",
  });
  assert.equal(await resolved(attributes.userId), "u-1");
  assert.equal(await resolved(attributes.displayName), "Jason");
  assert.deepEqual(await resolved(attributes.originalValues), { found: true });
  assert.equal(await pulumi.isSecret(attributes.phone), true);
  assert.equal(await resolved(attributes.phone), "+1-662-555-0199");
  assert.equal(await pulumi.isSecret(attributes.displayName), false);
  assert.equal(await pulumi.isSecret(attributes.userId), false);

  const status = new secureframe.UserStatus("sf-plain", {
    user: "jason.compson@example.com",
    active: true,
  });
  assert.equal(await resolved(status.active), true);
  assert.equal(await pulumi.isSecret(status.active), false);
  // Outputs the program did not give are declared, so a provider's answer reaches them.
  assert.equal(await resolved(status.userId), "u-1");
});
