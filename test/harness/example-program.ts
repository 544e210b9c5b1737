import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { packedEmulator } from "./packed-package";
import { repoRoot } from "./pulumi-cli";
import type { ProgramOptions } from "./pulumi-program";

/** Installed by the harness itself: the packed package, the pinned SDK, TypeScript and ts-node. */
const providedByHarness = new Set(["pulumi-identity", "@pulumi/pulumi", "typescript", "ts-node"]);

/**
 * The program options of `examples/<name>` as a user copies it: every file but the README (and
 * any node_modules), and its package.json dependencies and
 * devDependencies but those the harness installs itself. `pulumi-identity-emulator` comes from
 * this working tree too: its packed tarball.
 */
export function exampleProgram(name: string): ProgramOptions {
  const dir = join(repoRoot, "examples", name);
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") walk(path);
      } else if (entry.name !== "README.md") {
        files[relative(dir, path)] = readFileSync(path, "utf8");
      }
    }
  };
  walk(dir);

  const manifest = JSON.parse(files["package.json"] ?? "{}") as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const dependencies = Object.fromEntries(
    Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })
      .filter(([dep]) => !providedByHarness.has(dep))
      .map(([dep, range]) =>
        dep === "pulumi-identity-emulator" ? [dep, `file:${packedEmulator()}`] : [dep, range],
      ),
  );
  return { files, dependencies };
}
