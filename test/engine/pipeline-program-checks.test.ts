import assert from "node:assert/strict";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { configureForEmulator } from "../harness/emulator-config";
import { type EngineRun, PulumiProgram } from "../harness/pulumi-program";

// Bad programs and bad settings fail `pulumi preview`, naming the resource or the setting, its
// value (never a secret) and the fix; two owners of one group are refused; no input is ignored.

let emulator: RunningEmulator;
let team: string;
const stacks: PulumiProgram[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  team = emulator.credentials.asa.team;
});
afterAll(async () => {
  for (const stack of stacks) stack.dispose();
  await emulator?.stop();
});

async function stackOf(body: string): Promise<PulumiProgram> {
  const stack = await PulumiProgram.create({
    files: { "index.ts": `import * as identity from "pulumi-identity";\n${body}` },
  });
  stacks.push(stack);
  await configureForEmulator(stack, emulator);
  return stack;
}

/** The error messages of a run, one per diagnostic, as the CLI prints them. */
function errors(run: EngineRun): string {
  return run.events
    .flatMap((e) => (e.diagnosticEvent?.severity === "error" ? [e.diagnosticEvent.message] : []))
    .join("\n");
}

const membersOf = async (group: string) =>
  [...(await emulator.control.asa.group(team, group)).members].sort();

test("two memberships of one group, one authoritative: the preview fails naming both", async () => {
  const stack = await stackOf(`
new identity.asa.GroupMembership("owners", { group: "compsons", members: ["Benjy.Compson"], adopt: true });
new identity.asa.GroupMembership("helpers", { group: "compsons", members: ["Jason.Compson.IV"], mode: "additive" });
`);
  const run = await stack.preview({ allowFailure: true });
  assert.notEqual(run.exitCode, 0);
  assert.match(
    errors(run),
    /asa\.GroupMembership "owners" and "helpers" both manage the members of group "compsons" in team "william-faulkner", and "owners" is authoritative/,
  );
});

test("two additive memberships of one group listing the same user fail; with different users they work side by side", async () => {
  await emulator.control.asa.createGroup(team, { name: "side-by-side" });
  const clash = await stackOf(`
new identity.asa.GroupMembership("ops", { group: "side-by-side", members: ["Jason.Compson.IV"], mode: "additive" });
new identity.asa.GroupMembership("dev", { group: "side-by-side", members: ["Benjy.Compson", "Jason.Compson.IV"], mode: "additive" });
`);
  const refused = await clash.preview({ allowFailure: true });
  assert.notEqual(refused.exitCode, 0);
  assert.match(
    errors(refused),
    /asa\.GroupMembership "ops" and "dev" both manage the members of group "side-by-side" in team "william-faulkner", and both list "Jason\.Compson\.IV"/,
  );

  const apart = await stackOf(`
new identity.asa.GroupMembership("ops", { group: "side-by-side", members: ["Jason.Compson.IV"], mode: "additive" });
new identity.asa.GroupMembership("dev", { group: "side-by-side", members: ["Benjy.Compson"], mode: "additive" });
`);
  const run = await apart.up();
  assert.deepEqual(run.changes, { create: 3 });
  assert.deepEqual(await membersOf("side-by-side"), ["Benjy.Compson", "Jason.Compson.IV"]);
});

test("when the members are known only during up, the second owner fails before it writes", async () => {
  const stack = await stackOf(`
const group = new identity.asa.Group("late", { name: "late", roles: [] });
// Known once the group exists: unknown at preview.
const later = (name: string) => group.groupId.apply(() => [name]);
new identity.asa.GroupMembership("first", { group, members: later("Jason.Compson.IV") });
new identity.asa.GroupMembership("second", { group, members: later("Benjy.Compson") });
`);
  const preview = await stack.preview();
  assert.equal(preview.changes.create, 4, "nothing tells at preview");
  const run = await stack.up({ allowFailure: true });
  assert.notEqual(run.exitCode, 0);
  assert.match(
    errors(run),
    /asa\.GroupMembership "(first|second)" and "(first|second)" both manage the members of group "late"/,
  );
  const memberships = stack.resources().filter((r) => r.type.endsWith("asa:GroupMembership"));
  assert.equal(memberships.length, 1, "only one of the two was created");
  const kept = memberships[0]?.urn.endsWith("::first") ? ["Jason.Compson.IV"] : ["Benjy.Compson"];
  assert.deepEqual(await membersOf("late"), kept, "the other never wrote");
});

test("an argument the resource does not know fails the preview, with the one it probably meant", async () => {
  // The engine stops at the first resource whose check fails: one program each.
  const membership = await stackOf(`
new identity.asa.GroupMembership("m", { group: "compsons", members: ["Benjy.Compson"], mdoe: "additive" } as never);
`);
  const run = await membership.preview({ allowFailure: true });
  assert.notEqual(run.exitCode, 0);
  assert.match(
    errors(run),
    /resource 'm' has a problem: mdoe: asa\.GroupMembership has no argument "mdoe"; did you mean "mode"\? Otherwise remove it \(arguments: group, members, mode, team, adopt\)/,
  );
  const group = await stackOf(`
new identity.asa.Group("g", { name: "typo", roles: [], tema: "other" } as never);
`);
  assert.match(
    errors(await group.preview({ allowFailure: true })),
    /resource 'g' has a problem: tema: asa\.Group has no argument "tema"; did you mean "team"\?/,
  );
});

test("unknown, deleted and mis-capitalised members fail the preview, and up creates nothing", async () => {
  const stack = await stackOf(`
const group = new identity.asa.Group("doomed", { name: "doomed", roles: [] });
new identity.asa.GroupMembership("doomed-members", {
  group,
  members: ["Jason.Compson.IV", "benjy.compson", "Quentin.Compson.III", "nobody"],
});
`);
  const preview = await stack.preview({ allowFailure: true });
  assert.notEqual(preview.exitCode, 0);
  assert.match(
    errors(preview),
    /resource 'doomed-members' has a problem: members: 3 of the users cannot join group "doomed" in team "william-faulkner": Quentin\.Compson\.III \(deleted in ASA\), benjy\.compson \(no such user\), nobody \(no such user\); fix or remove them/,
  );
  // `pulumi up` previews first (as the CI guide runs it): it stops before creating the group.
  const up = await stack.pulumi(["up", "--yes"], { allowFailure: true });
  assert.notEqual(up.exitCode, 0);
  assert.ok(!(await emulator.control.asa.groups(team)).some((g) => g.name === "doomed"));
});

test("a group known only during up: a bad member still fails the preview, which names the team", async () => {
  const stack = await stackOf(`
const group = new identity.asa.Group("later", { name: "later", roles: [] });
new identity.asa.GroupMembership("later-members", {
  group: group.groupId.apply(() => "later"),
  members: ["Jason.Compson.IV", "nobody"],
});
`);
  const preview = await stack.preview({ allowFailure: true });
  assert.notEqual(preview.exitCode, 0);
  assert.match(
    errors(preview),
    /resource 'later-members' has a problem: members: 1 of the users cannot join the group in team "william-faulkner": nobody \(no such user\); fix or remove them/,
  );
});

test('ignoreChanges: ["members"] keeps the stored members: preview and up show no change', async () => {
  await emulator.control.asa.createGroup(team, { name: "ignored" });
  const stack = await stackOf(`
new identity.asa.GroupMembership("ignored-members", { group: "ignored", members: ["Benjy.Compson"] });
`);
  await stack.up();
  stack.updateFiles({
    "index.ts": `import * as identity from "pulumi-identity";
new identity.asa.GroupMembership("ignored-members", { group: "ignored", members: ["Benjy.Compson", "Jason.Compson.IV"] }, { ignoreChanges: ["members"] });
`,
  });
  const preview = await stack.preview();
  assert.deepEqual(preview.changes, { same: 2 });
  const run = await stack.up();
  assert.deepEqual(run.changes, { same: 2 });
  assert.deepEqual(await membersOf("ignored"), ["Benjy.Compson"]);
});

test("bad settings fail the preview naming the setting, its value and the fix; a refused key names the key and the team", async () => {
  const stack = await stackOf(`
new identity.asa.GroupMembership("m", { group: "compsons", members: ["Benjy.Compson"], adopt: true });
new identity.scaikey.UserStatus("u", { user: "jason.compson@example.com", status: "ACTIVE" });
`);
  // The engine stops at the first resource whose check fails: one bad setting at a time.
  await stack.setConfigs([{ key: "identity:asaBaseUrl", value: "app.scaleft.com/asa" }]);
  assert.match(
    errors(await stack.preview({ allowFailure: true })),
    /resource 'm' has a problem: identity:asaBaseUrl = "app\.scaleft\.com\/asa" \(stack config\) is not an http\(s\) URL; give the API's base URL, e\.g\. https:\/\/app\.scaleft\.com; set it with `pulumi config set identity:asaBaseUrl <value>` or the environment variable ASA_BASE_URL/,
  );
  await configureForEmulator(stack, emulator);
  await stack.setConfigs([{ key: "identity:scaikeyTenant", value: "compson-household" }]);
  assert.match(
    errors(await stack.preview({ allowFailure: true })),
    /resource 'u' has a problem: identity:scaikeyTenant = "compson-household" \(stack config\) is not a ScaiKey tenant id; give the tenant's id, like "tnt_[a-z0-9]+" \(not its slug\); set it with `pulumi config set identity:scaikeyTenant tnt_\.\.\.` or the environment variable SCAIKEY_TENANT/,
  );

  await configureForEmulator(stack, emulator);
  await stack.setConfigs([{ key: "identity:asaTeam", value: "no-such-team" }]);
  const unknownTeam = errors(await stack.preview({ allowFailure: true }));
  assert.match(
    unknownTeam,
    /Okta ASA refused the API key identity:asaKeyId = "[^"]+" \(stack config\) and identity:asaKeySecret \(stack config\) for team "no-such-team": ASA answers 401 alike to a wrong key id or secret, a key of another team, a team that does not exist/,
  );
  const wrongSecret = "wrong-key-secret-that-must-not-show-3f1a";
  await configureForEmulator(stack, emulator);
  await stack.setConfigs([{ key: "identity:asaKeySecret", value: wrongSecret, secret: true }]);
  const run = await stack.preview({ allowFailure: true });
  assert.match(
    errors(run),
    /Okta ASA refused the API key .* identity:asaKeySecret \(stack config\) for team "william-faulkner"/,
  );
  assert.ok(!`${run.stdout}${run.stderr}`.includes(wrongSecret));
});
