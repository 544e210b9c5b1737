import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./pulumi-cli";

const rootPackage = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
/**
 * The @pulumi/pulumi the test programs get: the one installed here, which drives them through
 * the Automation API. That is the dev dependency, or the newer SDK the Node 24 leg installs over
 * it (scripts/test-node24).
 */
export const pulumiSdkVersion: string = require("@pulumi/pulumi/package.json").version;
const typescriptVersion: string = rootPackage.devDependencies.typescript;

let packed: string | undefined;
let packedEmulatorTarball: string | undefined;

/** The working tree's package, packed once per test process. */
export function packedPackage(): string {
  packed ??= packPackage();
  return packed;
}

/** The working tree's emulator package (packages/emulator), packed once per test process. */
export function packedEmulator(): string {
  packedEmulatorTarball ??= packPackage(undefined, "packages/emulator");
  return packedEmulatorTarball;
}

/**
 * `npm pack` of a built package (the root one, or the workspace at `folder`), exactly what a user
 * would install.
 */
export function packPackage(
  destination = mkdtempSync(join(tmpdir(), "pulumi-identity-pack-")),
  folder = ".",
): string {
  const built = folder === "." ? join("dist", "provider", "registry.js") : join("dist", "index.js");
  if (!existsSync(join(repoRoot, folder, built))) {
    throw new Error(
      `${join(folder, "dist")} is missing: run \`npm run build\` (npm test does it) before engine tests.`,
    );
  }
  const out = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", destination],
    {
      cwd: join(repoRoot, folder),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const [packed] = JSON.parse(out) as { filename: string }[];
  if (!packed) throw new Error("npm pack reported no tarball");
  return join(destination, packed.filename);
}

const installsDir = join(tmpdir(), "pulumi-identity-test-deps");
// Both CI legs (Node 20 and 24, each with its SDK) make about four installs each.
const installsKept = 12;

/**
 * Each change of the package's code makes a new install (~140 MB): keep the most recently used
 * few, so repeated test runs do not fill the disk. Test runs at the same moment use recent ones.
 */
function pruneInstalls(): void {
  const installs = readdirSync(installsDir)
    .filter((name) => !name.includes(".staging-"))
    .map((name) => ({
      path: join(installsDir, name),
      used: statSync(join(installsDir, name)).mtimeMs,
    }))
    .sort((a, b) => b.used - a.used);
  for (const old of installs.slice(installsKept - 1))
    rmSync(old.path, { recursive: true, force: true });
}

/**
 * A node_modules with the packed package, @pulumi/pulumi, typescript and ts-node, as a user's
 * project has it, plus any `extra` dependencies a program needs (name → version range, e.g. an
 * example's own `yaml`). Installed once per distinct tarball and set of extras, and shared by every
 * test program (linked).
 */
export function installedDependencies(tarball: string, extra: Record<string, string> = {}): string {
  const extras = Object.entries(extra).sort(([a], [b]) => a.localeCompare(b));
  const hash = createHash("sha256").update(readFileSync(tarball)).update(pulumiSdkVersion);
  // A tarball among the extras (`file:...`, the packed emulator) counts by its content, not its path.
  for (const [name, version] of extras)
    hash
      .update(name)
      .update(version.startsWith("file:") ? readFileSync(version.slice(5)) : version);
  const digest = hash.digest("hex");
  const dir = join(installsDir, digest.slice(0, 16));
  if (existsSync(join(dir, "node_modules", "pulumi-identity", "package.json"))) {
    const now = new Date();
    utimesSync(dir, now, now); // recently used: kept by pruneInstalls
    return dir;
  }

  mkdirSync(installsDir, { recursive: true });
  pruneInstalls();
  const staging = mkdtempSync(`${dir}.staging-`);
  writeFileSync(
    join(staging, "package.json"),
    JSON.stringify({
      name: "pulumi-identity-test-program",
      private: true,
      dependencies: {
        "pulumi-identity": `file:${tarball}`,
        "@pulumi/pulumi": pulumiSdkVersion,
        typescript: typescriptVersion,
        "ts-node": "^10.9.2",
        ...Object.fromEntries(extras),
      },
    }),
  );
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
    {
      cwd: staging,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another test process got there first
  }
  return dir;
}

/** The same tarball with another version number: what `npm install pulumi-identity@next` brings. */
export function repackWithVersion(tarball: string, version: string): string {
  const work = mkdtempSync(join(tmpdir(), "pulumi-identity-repack-"));
  execFileSync("tar", ["-xzf", tarball, "-C", work]);
  const manifestPath = join(work, "package", "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }, null, 2));
  const out = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", work],
    {
      cwd: join(work, "package"),
      encoding: "utf8",
    },
  );
  const [packed] = JSON.parse(out) as { filename: string }[];
  if (!packed) throw new Error("npm pack reported no tarball");
  return join(work, packed.filename);
}
