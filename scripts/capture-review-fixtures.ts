// Captures the real `pulumi preview --json` (and `pulumi stack export`) output that the review's
// unit tests read: one stack, applied once, then previews of several changes to it. Each
// file is the CLI's output with the bulky fields the review never reads (`__provider`, stack
// traces, source positions) taken out. Run after `npm run build`:
//   node --import tsx scripts/capture-review-fixtures.ts
// and commit test/fixtures/preview-json/ with the CLI version in its README.

import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator } from "../emulator";
import { configureForEmulator } from "../test/harness/emulator-config";
import { PulumiProgram } from "../test/harness/pulumi-program";

const out = join(__dirname, "..", "test", "fixtures", "preview-json");
const members = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => `member-${String(i + from).padStart(2, "0")}`);
// Usernames a review must print safely: Markdown, HTML, a mention, backticks.
const odd = ["<b>bold</b>", "@here", "*star*_under_", "tick`name"];

const header = `import * as pulumi from "@pulumi/pulumi";
import * as identity from "pulumi-identity";
const { asa, secureframe, scaikey } = identity;
`;

const platformMembers = ["Jason.Compson.IV", "Benjy.Compson", ...members(5)];
const program = (platform: string[]) => `${header}
const platform = new asa.Group("platform", { name: "platform", roles: ["access_user"] });
new asa.GroupMembership("platform", { group: platform, members: ${JSON.stringify(platform)} });
const ops = new asa.Group("ops", { name: "ops", roles: ["access_user"] });
new asa.GroupMembership("ops", { group: ops, members: ["member-01", "member-02"] });
const legacy = new asa.Group("legacy", { name: "legacy", roles: ["access_admin"] });
new asa.GroupMembership("legacy", { group: legacy, members: ["member-02", "member-03"] });
const renamed = new asa.Group("renamed", { name: "old-name", roles: [] });
new asa.GroupMembership("renamed", { group: renamed, members: ["member-04"] });
const stable = new asa.Group("stable", { name: "stable", roles: ["reporting_user"] });
new asa.GroupMembership("stable", { group: stable, members: ["member-05"] });
new asa.GroupMembership("contractors", { group: "contractors", members: ["member-06"], mode: "additive" });
new asa.GroupMembership("secret", { group: "compsons", members: pulumi.secret(["Benjy.Compson"]), adopt: true });
new asa.UserStatus("jason-status", { username: "Jason.Compson.IV", status: "ACTIVE" });
new asa.UserAttributes("benjy-details", { username: "Benjy.Compson", details: { email: "benjy@example.com" } });
new secureframe.UserStatus("caddy-active", { user: "caddy.compson@example.com", active: true });
new secureframe.UserAttributes("caddy-attributes", { user: "caddy.compson@example.com", employeeType: "contractor" });
new scaikey.UserStatus("caddy-locked", { user: "caddy.compson@example.com", status: "LOCKED", reason: "Unusual sign-ins" });
new scaikey.UserAttributes("jason-profile", { user: "jason.compson@example.com", displayName: "Jason", customAttributes: { employer: "Earl" } });
`;
const applied = program(platformMembers);

/** Every kind of change at once. */
const changed = `${header}
const platform = new asa.Group("platform", { name: "platform", roles: ["access_user"] });
new asa.GroupMembership("platform", { group: platform, members: ${JSON.stringify(["Jason.Compson.IV", "Benjy.Compson", "member-01", "member-04", "member-05", "member-07", ...odd])} });
const ops = new asa.Group("ops", { name: "ops", roles: ["access_user", "access_admin"] });
new asa.GroupMembership("ops", { group: ops, members: ["member-01", "member-02"] });
const renamed = new asa.Group("renamed", { name: "new-name", roles: [] });
new asa.GroupMembership("renamed", { group: renamed, members: ["member-04"] });
const stable = new asa.Group("stable", { name: "stable", roles: ["reporting_user"] });
new asa.GroupMembership("stable", { group: stable, members: ["member-05", "member-06"] });
new asa.GroupMembership("contractors", { group: "contractors", members: ["member-06"], mode: "authoritative", adopt: true });
new asa.GroupMembership("secret", { group: "compsons", members: pulumi.secret(["Benjy.Compson", "member-01"]), adopt: true });
const release = new asa.Group("release", { name: "release", roles: ["access_user", "reporting_user"] });
new asa.GroupMembership("release", { group: release, members: ["member-08", "member-09"] });
const existing = new asa.Group("existing", { name: "existing", roles: ["access_user"], adopt: true });
new asa.GroupMembership("existing", { group: existing, members: ["member-10", "member-11"], adopt: true });
const later = new asa.Group("later", { name: "later", roles: [] });
new asa.GroupMembership("later", { group: later, members: [later.groupId.apply(() => "member-01")] });
new asa.UserStatus("jason-status", { username: "Jason.Compson.IV", status: "DISABLED" });
new asa.UserStatus("member-01-status", { username: "member-01", status: "DISABLED" });
new asa.UserAttributes("benjy-details", { username: "Benjy.Compson", details: { email: "benjy.c@example.com", firstName: "Benjamin" } });
new secureframe.UserStatus("caddy-active", { user: "caddy.compson@example.com", active: false });
new secureframe.UserAttributes("caddy-attributes", { user: "caddy.compson@example.com", employeeType: "employee", endDate: "2030-06-30" });
new scaikey.UserStatus("caddy-locked", { user: "caddy.compson@example.com", status: "ACTIVE", reason: "Cleared" });
`;

/** Only access taken away: one member out of platform. */
const removalsOnly = program(platformMembers.filter((name) => name !== "member-01"));

const failing = `${header}
new asa.GroupMembership("platform", { group: "platform", members: ["Jason.Compson.IV", "nobody-by-that-name"] });
`;

/** Keeps what the review reads: each step's op, urn and states' type, inputs and outputs. */
function trimmed(text: string): string {
  const json = JSON.parse(text);
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !["__provider", "stackTrace", "sourcePosition"].includes(key))
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  return `${JSON.stringify(strip(json), null, 2)}\n`;
}

async function main() {
  const emulator = await startEmulator();
  const { team } = emulator.credentials.asa;
  await emulator.control.asa.createUsers(
    team,
    [...members(12), ...odd].map((name) => ({ name })),
  );
  await emulator.control.asa.createGroup(team, {
    name: "contractors",
    roles: ["access_user"],
    members: ["member-06", "member-12"],
  });
  await emulator.control.asa.createGroup(team, {
    name: "existing",
    roles: ["access_user"],
    members: ["member-10", "member-11"],
  });
  const stack = await PulumiProgram.create({ files: { "index.ts": applied } });
  try {
    await configureForEmulator(stack, emulator);
    await stack.up();
    const capture = async (name: string, program: string, args: string[]) => {
      stack.updateFiles({ "index.ts": program });
      const run = await stack.pulumi(args, { allowFailure: true });
      writeFileSync(join(out, name), trimmed(run.stdout));
      console.log(`${name}: pulumi ${args.join(" ")} exited ${run.exitCode}`);
    };
    await capture("changes.json", changed, ["preview", "--json"]);
    await capture("removals-only.json", removalsOnly, ["preview", "--json"]);
    await capture("failed.json", failing, ["preview", "--json"]);
    const exported = await stack.pulumi(["stack", "export"]);
    writeFileSync(join(out, "stack-export.json"), trimmed(exported.stdout));
    // Someone adds a member by hand: a refreshed preview reads it back and plans its removal.
    await emulator.control.asa.addGroupMember(team, "platform", "member-12");
    await capture("refresh.json", changed, ["preview", "--refresh", "--json"]);
    // Formatted as the repository's other JSON files are (npm run lint checks them).
    execFileSync("npx", ["biome", "format", "--write", out], { stdio: "ignore" });
    const version = await stack.pulumi(["version"]);
    console.log(`pulumi ${version.stdout.trim()}`);
  } finally {
    stack.dispose();
    await emulator.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
