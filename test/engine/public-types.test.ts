import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, test } from "vitest";
import { installedDependencies, packedPackage } from "../harness/packed-package";

// A user's compiler, with the tsconfig `pulumi new typescript` writes, reads the package's types:
// a program using every resource and lookup type-checks, and no declaration pulls in zod's (the
// classic template's compiler, without esModuleInterop and skipLibCheck, fails inside them).

let deps: string;
const dirs: string[] = [];

beforeAll(() => {
  deps = join(installedDependencies(packedPackage()), "node_modules");
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const program = `import * as pulumi from "@pulumi/pulumi";
import { asa, diagnostics, scaikey, secureframe } from "pulumi-identity";

const group = new asa.Group("eng", { name: "eng", roles: ["access_user"], adopt: true });
const members = new asa.GroupMembership("eng-members", { group, members: ["Jason.Compson.IV"], mode: "additive" });
const details = new asa.UserAttributes("jason", { username: "Jason.Compson.IV", details: { firstName: "Jay", email: null } });
new asa.UserStatus("benjy", { username: "Benjy.Compson", status: "DISABLED" });
new secureframe.UserAttributes("caddy", { user: "caddy@example.com", employeeType: "contractor", endDate: "2026-12-31" });
new secureframe.UserStatus("quentin", { user: "quentin@example.com", active: false, restoreOnDelete: true });
new scaikey.UserAttributes("dilsey", { user: "dilsey@example.com", locale: "en-US", customAttributes: { badge: 7 } });
new scaikey.UserStatus("luster", { user: "luster@example.com", status: "LOCKED", reason: "review" });
const check = new diagnostics.ProviderCheck("check");

export const everyone: pulumi.Output<string[]> = members.members;
export const groupId: pulumi.Output<string> = group.groupId;
export const first: pulumi.Output<string | null | undefined> = details.details.apply((d) => d.firstName);
export const version: pulumi.Output<string> = check.packageVersion;
export async function lookups(): Promise<number> {
  const users: asa.AsaUser[] = await asa.getUsers({ status: "ACTIVE" });
  const group: asa.AsaGroup = await asa.getGroup("eng");
  const people: secureframe.SecureframeUser[] = await secureframe.getUsers({ q: "active:true" });
  const person: scaikey.ScaiKeyUser = await scaikey.getUser("dilsey@example.com");
  return users.length + group.roles.length + people.length + person.groups.length;
}
`;

/** Compiles the program with a tsconfig, in a project whose node_modules is a user's install. */
async function typeCheck(compilerOptions: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), "pulumi-identity-types-"));
  dirs.push(dir);
  symlinkSync(deps, join(dir, "node_modules"));
  writeFileSync(join(dir, "index.ts"), program);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions, files: ["index.ts"] }),
  );
  const tsc = join(deps, "typescript", "bin", "tsc");
  return promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], {
    cwd: dir,
  })
    .then(({ stdout }) => ({ code: 0, stdout }))
    .catch((err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }));
}

// `pulumi new typescript`'s tsconfig as it has long been written.
const classic = {
  strict: true,
  outDir: "bin",
  target: "es2020",
  module: "commonjs",
  moduleResolution: "node",
  sourceMap: true,
  experimentalDecorators: true,
  pretty: true,
  noFallthroughCasesInSwitch: true,
  noImplicitReturns: true,
  forceConsistentCasingInFileNames: true,
};

test("the classic pulumi new tsconfig (commonjs, node resolution, no skipLibCheck) type-checks a program using everything", async () => {
  const { code, stdout } = await typeCheck(classic);
  assert.equal(code, 0, stdout);
}, 120_000);

test("a current tsconfig (node16 resolution) type-checks it too", async () => {
  const { code, stdout } = await typeCheck({
    ...classic,
    module: "node16",
    moduleResolution: "node16",
  });
  assert.equal(code, 0, stdout);
}, 120_000);

test("no declaration the package ships for programs imports zod", () => {
  const root = join(deps, "pulumi-identity", "dist");
  const declarations: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".d.ts")) declarations.push(path);
    }
  };
  walk(join(root, "sdk"));
  assert.ok(declarations.length > 5);
  for (const file of declarations)
    assert.doesNotMatch(readFileSync(file, "utf8"), /["']zod["']/, file);
});
