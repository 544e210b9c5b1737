import assert from "node:assert/strict";
import { test } from "vitest";
import { useEmulatorStack } from "../harness/emulator-stack";

// The lookups' Output forms in a real program: one waits for a group the same program creates (in
// the preview its name is not known yet, so nothing is looked up), one is secret because its
// argument is, and the Secureframe and ScaiKey ones take the stack config's credentials.

const program = `
import * as pulumi from "@pulumi/pulumi";
import * as identity from "pulumi-identity";

const created = new identity.asa.Group("made-here", { name: "made-here", roles: ["access_user"] });
// Known once the group exists: a preview leaves this unknown rather than failing the lookup.
const name = pulumi.all([created.name, created.groupId]).apply(([name]) => name);
export const madeHereRoles = identity.asa.getGroupOutput(name).roles;

const config = new pulumi.Config();
export const secretGroupMembers = identity.asa.getGroupMembersOutput(config.requireSecret("groupName"));
export const caddyType = identity.secureframe
  .getUserOutput("caddy.compson@example.com")
  .apply((user) => user.employee_type);
export const locked = identity.scaikey
  .getUsersOutput({ status: "LOCKED" })
  .apply((users) => users.map((user) => user.email));
`;

const use = useEmulatorStack({ files: { "index.ts": program } });
const madeHereReads = async () =>
  (await use.emulator.control.requests()).filter(
    (entry) => entry.method === "GET" && entry.url.includes("/groups/made-here"),
  ).length;

test("preview: the lookup waiting for a group being created is not called", async () => {
  const { stack } = use;
  await stack.setConfig("groupName", "compsons", { secret: true });
  const run = await stack.preview();
  assert.equal(run.exitCode, 0);
  assert.deepEqual(run.changes, { create: 2 });
  assert.equal(await madeHereReads(), 0);
});

test("up: each lookup gives the live value, and the one with a secret argument is stored secret", async () => {
  const { stack } = use;
  await stack.up();
  assert.deepEqual(await stack.outputs(), {
    madeHereRoles: ["access_user"],
    secretGroupMembers: ["Benjy.Compson"],
    caddyType: "contractor",
    locked: ["caddy.compson@example.com"],
  });
  assert.ok((await madeHereReads()) > 0);
  const shown = JSON.parse((await stack.pulumi(["stack", "output", "--json"])).stdout);
  assert.equal(shown.secretGroupMembers, "[secret]");
  assert.deepEqual(shown.madeHereRoles, ["access_user"]);
  assert.ok(!stack.stateText().includes("Benjy.Compson"));
});
