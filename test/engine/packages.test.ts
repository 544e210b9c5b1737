import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import semver from "semver";
import { describe, test } from "vitest";
import { installedDependencies, packedEmulator, packedPackage } from "../harness/packed-package";
import { repoRoot } from "../harness/pulumi-cli";

// Both packages as the registry and a user get them: what each tarball holds, what an install
// brings, what can be required, and the `pulumi-identity emulator` command with and without the
// emulator package beside it.

const manifest = (folder: string) => JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
const mainManifest = manifest(repoRoot);
const emulatorManifest = manifest(join(repoRoot, "packages", "emulator"));

const tarballFiles = (tarball: string) =>
  execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line && !line.endsWith("/"))
    .map((line) => line.replace(/^package\//, ""));

/** The folder of `name` as Node finds it from `from` (node_modules of `from`, then upwards). */
function packageDir(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed for ${from}`);
  }
}

/** Every package that `name` brings into an install (itself included), by name@version. */
function closure(nodeModules: string, name: string): Map<string, { engines?: { node?: string } }> {
  const found = new Map<string, { engines?: { node?: string } }>();
  const visit = (dir: string) => {
    const pkg = manifest(dir);
    const key = `${pkg.name}@${pkg.version}`;
    if (found.has(key)) return;
    found.set(key, pkg);
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(packageDir(dir, dep));
  };
  visit(join(nodeModules, name));
  return found;
}

/** The installed packages whose `engines.node` does not allow every Node.js that `range` allows. */
function enginesNotCovering(packages: Map<string, { engines?: { node?: string } }>, range: string) {
  return [...packages]
    .filter(([, pkg]) => pkg.engines?.node && !semver.subset(range, pkg.engines.node))
    .map(([key, pkg]) => `${key} needs node ${pkg.engines?.node}`);
}

const run = (cwd: string, command: string, args: string[]) =>
  spawnSync(join(cwd, "node_modules", ".bin", command), args, { cwd, encoding: "utf8" });

function readUntil(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (output.includes(marker)) resolve(output);
    });
    child.once("exit", () => reject(new Error(`ended before "${marker}":\n${output}`)));
  });
}

describe("the pulumi-identity tarball", () => {
  test("holds the compiled SDK, providers and command, its LICENSE, CHANGELOG and README, and no source map", () => {
    const files = tarballFiles(packedPackage());
    const outside = files.filter((f) => !/^dist\/(cli|provider|sdk)\/[^/].*\.(js|d\.ts)$/.test(f));
    assert.deepEqual(outside.sort(), ["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
    assert.ok(files.includes("dist/provider/registry.js"));
    assert.ok(!files.some((f) => f.startsWith("dist/emulator/")), "the emulator is not in it");
    assert.match(readFileSync(join(repoRoot, "LICENSE"), "utf8"), /Apache License\s+Version 2\.0/);
    assert.equal(mainManifest.license, "Apache-2.0");
    assert.ok(mainManifest.repository.url && mainManifest.homepage && mainManifest.bugs);
  });

  test("exports its entry point and only the provider modules that Pulumi state names", () => {
    assert.deepEqual(Object.keys(mainManifest.exports).sort(), [
      ".",
      "./dist/provider/handles/*.js",
      "./dist/provider/registry.js",
      "./package.json",
    ]);
    // The folder the wildcard opens holds the handles the build wrote and nothing else.
    const handlesDir = join(repoRoot, "dist", "provider", "handles");
    const notHandles = readdirSync(handlesDir).filter(
      (f) =>
        !/^module\.exports = require\("\.\.\/resource\/provider-handle\.js"\)\.providerHandle\("[a-z]+:[A-Za-z]+"\);$/m.test(
          readFileSync(join(handlesDir, f), "utf8"),
        ),
    );
    assert.deepEqual(notHandles, []);
  });
});

describe("pulumi-identity installed without the emulator", () => {
  const project = () => installedDependencies(packedPackage());

  test("brings no web server, and every package it brings runs on every Node.js its engines allow", () => {
    const nodeModules = join(project(), "node_modules");
    const packages = closure(nodeModules, "pulumi-identity");
    assert.ok(![...packages.keys()].some((key) => key.startsWith("fastify@")));
    assert.ok(!existsSync(join(nodeModules, "fastify")));
    assert.deepEqual(enginesNotCovering(packages, mainManifest.engines.node), []);
  });

  test("from CommonJS, the handles and registry that state names resolve; other internal files do not", () => {
    const handles = [
      "pulumi-identity/dist/provider/registry.js",
      ...readdirSync(join(repoRoot, "dist", "provider", "handles")).map(
        (f) => `pulumi-identity/dist/provider/handles/${f}`,
      ),
    ];
    const script = `
      const loaded = ${JSON.stringify(handles)}.map((path) => typeof require(path));
      let internal;
      try { require("pulumi-identity/dist/provider/config.js"); } catch (e) { internal = e.code; }
      console.log(JSON.stringify({ loaded, internal, sdk: Object.keys(require("pulumi-identity")).sort() }));`;
    const out = JSON.parse(
      execFileSync(process.execPath, ["-e", script], { cwd: project(), encoding: "utf8" }),
    );
    assert.deepEqual(
      out.loaded,
      handles.map(() => "object"),
    );
    assert.equal(out.internal, "ERR_PACKAGE_PATH_NOT_EXPORTED");
    assert.deepEqual(out.sdk, ["asa", "diagnostics", "scaikey", "secureframe"]);
  });

  test("`pulumi-identity emulator` says how to install the emulator package", () => {
    const answer = run(project(), "pulumi-identity", ["emulator", "--help"]);
    assert.equal(answer.status, 1);
    assert.match(
      answer.stderr,
      new RegExp(`npm install --save-dev pulumi-identity-emulator@${mainManifest.version}`),
    );
  });
});

describe("the pulumi-identity-emulator tarball", () => {
  test("holds the compiled emulator and its command, the LICENSE and CHANGELOG, and no source map; same version", () => {
    const files = tarballFiles(packedEmulator());
    const outside = files.filter((f) => !/^dist\/[^/].*\.(js|d\.ts)$/.test(f));
    assert.deepEqual(outside.sort(), ["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
    assert.ok(files.includes("dist/index.js") && files.includes("dist/cli.js"));
    assert.equal(emulatorManifest.version, mainManifest.version);
    assert.equal(
      readFileSync(join(repoRoot, "packages", "emulator", "LICENSE"), "utf8"),
      readFileSync(join(repoRoot, "LICENSE"), "utf8"),
    );
  });

  test("installed, it starts from its import and its command, and its engines cover what it brings", async () => {
    const dir = installedDependencies(packedPackage(), {
      "pulumi-identity-emulator": `file:${packedEmulator()}`,
    });
    const nodeModules = join(dir, "node_modules");
    const packages = closure(nodeModules, "pulumi-identity-emulator");
    assert.deepEqual(enginesNotCovering(packages, emulatorManifest.engines.node), []);

    const script = `
      const { startEmulator } = require("pulumi-identity-emulator");
      startEmulator().then(async (emulator) => {
        const answer = await fetch(emulator.secureframeUrl + "/users");
        console.log(answer.status);
        await emulator.stop();
      });`;
    assert.equal(
      execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" }).trim(),
      "401",
    );
    const help = run(dir, "pulumi-identity-emulator", ["--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: pulumi-identity-emulator/);

    // `pulumi-identity emulator` runs it, and a SIGTERM still stops it with its data saved.
    const save = join(mkdtempSync(join(tmpdir(), "emulator-save-")), "saved.json");
    const child = spawn(
      join(nodeModules, ".bin", "pulumi-identity"),
      ["emulator", "--port", "0", "--save", save],
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      const output = await readUntil(child, "Press Ctrl+C");
      assert.match(output, /ASA\s+http:\/\/127\.0\.0\.1:\d+\/asa/);
      child.kill("SIGTERM");
      assert.deepEqual(await once(child, "exit"), [0, null]);
      assert.ok(JSON.parse(readFileSync(save, "utf8")).asa.teams.length > 0);
    } finally {
      child.kill();
    }
  });
});
