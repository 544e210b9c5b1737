import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import type { MockResourceArgs } from "@pulumi/pulumi/runtime";
import { beforeAll, test } from "vitest";

// Program wiring only: Pulumi's mocks never run the providers (check, create, ... are not called).

const registered: MockResourceArgs[] = [];
const secretValue = "mock-secret-key-that-must-not-be-captured-7c2e";

beforeAll(async () => {
  pulumi.runtime.setAllConfig({ "identity:asaKeySecret": secretValue }, ["identity:asaKeySecret"]);
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push(args);
        const { __provider: _provider, __urn: _urn, ...inputs } = args.inputs;
        return {
          id: `${args.name}-id`,
          state: { ...inputs, groupId: "g-1", unmanagedMembers: [] },
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

async function isSecretOutput(output: pulumi.Output<unknown>): Promise<boolean> {
  return pulumi.isSecret(output);
}

test("type tokens, inputs, a Group as the membership's group, nothing secret", async () => {
  const { asa } = await import("../../sdk");
  const group = new asa.Group("eng", { name: "engineering", roles: ["access_user"], team: "acme" });
  const membership = new asa.GroupMembership("eng-members", {
    group,
    members: ["b", "a"],
    mode: "additive",
  });
  const urn = await resolved(membership.urn);

  assert.match(urn, /::pulumi-nodejs:dynamic\/asa:GroupMembership::eng-members$/);
  assert.match(await resolved(group.urn), /::pulumi-nodejs:dynamic\/asa:Group::eng$/);

  const groupArgs = registered.find((r) => r.name === "eng");
  const membershipArgs = registered.find((r) => r.name === "eng-members");
  assert.equal(groupArgs?.type, "pulumi-nodejs:dynamic/asa:Group");
  assert.equal(membershipArgs?.type, "pulumi-nodejs:dynamic/asa:GroupMembership");

  const { __provider: groupProvider, __urn: groupUrn, ...groupInputs } = groupArgs?.inputs ?? {};
  assert.deepEqual(groupInputs, { name: "engineering", roles: ["access_user"], team: "acme" });
  const {
    __provider: membershipProvider,
    __urn: membershipUrn,
    ...membershipInputs
  } = membershipArgs?.inputs ?? {};
  // The hidden __urn input is each resource's own URN, so progress can reach its row.
  assert.equal(groupUrn, await resolved(group.urn));
  assert.equal(membershipUrn, urn);
  // The group's name and team come from the Group's outputs; args left out are not sent.
  assert.deepEqual(membershipInputs, {
    group: "engineering",
    team: "acme",
    members: ["b", "a"],
    mode: "additive",
  });

  for (const serialized of [groupProvider, membershipProvider]) {
    assert.equal(typeof serialized, "string");
    assert.ok(!(serialized as string).includes(secretValue));
  }
  assert.match(groupProvider as string, /asa:Group/);
  assert.match(membershipProvider as string, /asa:GroupMembership/);

  // Whatever form the engine hands back (a list, or a name set in a preview), a sorted list.
  assert.deepEqual(await resolved(membership.members), ["a", "b"]);
  assert.deepEqual(await resolved(membership.unmanagedMembers), []);
  assert.equal(await resolved(group.groupId), "g-1");
  for (const output of [
    membership.members,
    membership.unmanagedMembers,
    membership.group,
    membership.team,
    group.roles,
    group.groupId,
  ]) {
    assert.equal(await isSecretOutput(output as pulumi.Output<unknown>), false);
  }
});

test("a group given by name uses the config's team (filled in by the provider), and secret members stay secret", async () => {
  const { asa } = await import("../../sdk");
  const membership = new asa.GroupMembership("by-name", {
    group: "compsons",
    members: pulumi.secret(["Jason.Compson.IV"]),
  });
  await resolved(membership.urn);
  const args = registered.find((r) => r.name === "by-name");
  const { __provider: _p, __urn: _urn, ...inputs } = args?.inputs ?? {};
  // The secret travels to the engine as a secret (Pulumi's secret signature), not as plain text.
  assert.deepEqual(inputs, {
    group: "compsons",
    members: {
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value: ["Jason.Compson.IV"],
    },
  });
  assert.equal(await isSecretOutput(membership.members), true);
  assert.equal(await isSecretOutput(membership.group), false);
});

test("Group.isInstance tells a Group from other values", async () => {
  const { asa } = await import("../../sdk");
  const group = new asa.Group("ops", { name: "ops", roles: [] });
  assert.equal(asa.Group.isInstance(group), true);
  assert.equal(asa.Group.isInstance("ops"), false);
  assert.equal(asa.Group.isInstance({ name: "ops" }), false);
});
