import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { installedDependencies, packedPackage } from "./packed-package";
import { pulumiBinDir } from "./pulumi-cli";

/** One event of `--json` output: the engine's own JSON events, one per line. */
export interface EngineEvent {
  summaryEvent?: { resourceChanges: Record<string, number> };
  resourcePreEvent?: { metadata: StepMetadata };
  resOutputsEvent?: { metadata: StepMetadata };
  diagnosticEvent?: { message: string; severity: string; urn?: string };
}

export interface StepMetadata {
  op: string;
  urn: string;
  type: string;
  diffs?: string[];
  detailedDiff?: Record<string, { kind: string; inputDiff?: boolean }>;
  old?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
  new?: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> };
}

export interface EngineRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  events: EngineEvent[];
  /** The summary's counts by operation, e.g. `{ create: 2 }` or `{ same: 2 }`. */
  changes: Record<string, number>;
  /** Steps other than "same", from the engine's pre-events. */
  steps: StepMetadata[];
}

export interface ProgramOptions {
  /** Files of the program, by path relative to its directory (index.ts; a Pulumi.yaml is added
   * unless given, and the project's name is read from it). */
  files: Record<string, string>;
  /** The stack's name (default "test"). */
  stack?: string;
  /** Extra environment for every command (e.g. API base URLs). */
  env?: Record<string, string>;
  /** npm dependencies the program needs besides pulumi-identity and @pulumi/pulumi (name → range). */
  dependencies?: Record<string, string>;
}

const refreshFlag = (opts: { refresh?: boolean }) => (opts.refresh ? ["--refresh"] : []);

/**
 * A Pulumi program run by the real CLI in a fresh PULUMI_HOME with a local file backend, its
 * node_modules holding this package installed from its packed tarball.
 */
export class PulumiProgram {
  readonly stack: string;
  readonly root = mkdtempSync(join(tmpdir(), "pulumi-identity-engine-"));
  readonly dir = join(this.root, "program");
  readonly backend = join(this.root, "backend");
  readonly name: string;
  private readonly env: NodeJS.ProcessEnv;

  private constructor(private readonly options: ProgramOptions) {
    this.name = projectName(options.files["Pulumi.yaml"]) ?? "engine-test";
    this.stack = options.stack ?? "test";
    this.env = {
      PATH: `${pulumiBinDir()}:${process.env.PATH}`,
      HOME: process.env.HOME,
      PULUMI_HOME: join(this.root, "pulumi-home"),
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true",
      NO_COLOR: "1",
      ...options.env,
    };
  }

  static async create(options: ProgramOptions): Promise<PulumiProgram> {
    const program = new PulumiProgram(options);
    program.writeFiles();
    await program.pulumi(["stack", "init", program.stack]);
    return program;
  }

  private writeFiles(): void {
    mkdirSync(this.backend, { recursive: true });
    const files: Record<string, string> = {
      "Pulumi.yaml": `name: ${this.name}\nruntime: nodejs\ndescription: pulumi-identity engine test\n`,
      "package.json": JSON.stringify({ name: this.name, private: true, main: "index.ts" }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "commonjs",
          esModuleInterop: true,
        },
      }),
      ...this.options.files,
    };
    this.updateFiles(files);
    this.installPackage(packedPackage());
  }

  /** Writes (or overwrites) files of the program, by path relative to its directory: an edit. */
  updateFiles(files: Record<string, string>): void {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), content);
    }
  }

  /** Points the program's node_modules at an install of the given tarball (an upgrade, say). */
  installPackage(tarball: string): void {
    rmSync(join(this.dir, "node_modules"), { force: true });
    symlinkSync(
      join(installedDependencies(tarball, this.options.dependencies), "node_modules"),
      join(this.dir, "node_modules"),
    );
  }

  /** The environment every command of the program runs with (for a CLI started by hand). */
  environment(): NodeJS.ProcessEnv {
    return { ...this.env };
  }

  /** Runs `pulumi <args>`; throws with the CLI's output unless it exits 0 or `allowFailure`. */
  pulumi(args: string[], opts: { allowFailure?: boolean; env?: Record<string, string> } = {}) {
    return new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn("pulumi", [...args, "--non-interactive"], {
        cwd: this.dir,
        env: { ...this.env, ...opts.env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) => {
        const result = { exitCode: code ?? -1, stdout, stderr };
        if (code !== 0 && !opts.allowFailure) {
          reject(new Error(`pulumi ${args.join(" ")} exited ${code}\n${stdout}\n${stderr}`));
        } else resolve(result);
      });
    });
  }

  async setConfig(key: string, value: string, opts: { secret?: boolean } = {}): Promise<void> {
    await this.pulumi(["config", "set", key, value, ...(opts.secret ? ["--secret"] : [])]);
  }

  /** Sets several config values in one CLI call. */
  async setConfigs(entries: { key: string; value: string; secret?: boolean }[]): Promise<void> {
    const flags = entries.flatMap(({ key, value, secret }) => [
      secret ? "--secret" : "--plaintext",
      `${key}=${value}`,
    ]);
    await this.pulumi(["config", "set-all", ...flags]);
  }

  private async engine(
    command: string[],
    opts: { allowFailure?: boolean } = {},
  ): Promise<EngineRun> {
    const result = await this.pulumi([...command, "--json"], opts);
    const events = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as EngineEvent);
    const summary = events.find((event) => event.summaryEvent)?.summaryEvent;
    const steps = events
      .flatMap((event) => (event.resourcePreEvent ? [event.resourcePreEvent.metadata] : []))
      .filter((step) => step.op !== "same");
    return { ...result, events, changes: summary?.resourceChanges ?? {}, steps };
  }

  /** `pulumi up`; with `refresh`, `pulumi up --refresh` (reads every resource back first). */
  up(opts: { allowFailure?: boolean; refresh?: boolean } = {}) {
    return this.engine(["up", "--yes", "--skip-preview", ...refreshFlag(opts)], opts);
  }
  preview(opts: { allowFailure?: boolean; refresh?: boolean } = {}) {
    return this.engine(["preview", ...refreshFlag(opts)], opts);
  }
  /** `pulumi preview --diff` (with `refresh`, `--refresh` too) as a person reads it. */
  async previewDiffText(opts: { refresh?: boolean } = {}): Promise<string> {
    return (await this.pulumi(["preview", "--diff", ...refreshFlag(opts)])).stdout;
  }
  refresh(opts: { allowFailure?: boolean } = {}) {
    return this.engine(["refresh", "--yes", "--skip-preview"], opts);
  }
  destroy(opts: { allowFailure?: boolean } = {}) {
    return this.engine(["destroy", "--yes", "--skip-preview"], opts);
  }

  /** The stack's outputs (`pulumi stack output --json --show-secrets`). */
  async outputs(): Promise<Record<string, unknown>> {
    const { stdout } = await this.pulumi(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  /** The raw text of the stack's state file in the file backend. */
  stateText(): string {
    return readFileSync(
      join(this.backend, ".pulumi", "stacks", this.name, `${this.stack}.json`),
      "utf8",
    );
  }

  /** The stack's resources as the state file records them. */
  resources(): StateResource[] {
    return (JSON.parse(this.stateText()).checkpoint.latest?.resources ?? []) as StateResource[];
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The project name a Pulumi.yaml gives (`name: ...`); the state file is filed under it. */
function projectName(pulumiYaml: string | undefined): string | undefined {
  return pulumiYaml === undefined ? undefined : /^name:\s*(\S+)\s*$/m.exec(pulumiYaml)?.[1];
}
