import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import {
  CommandError,
  type Deployment,
  LocalWorkspace,
  PulumiCommand,
  type EngineEvent as PulumiEngineEvent,
  type Stack,
} from "@pulumi/pulumi/automation";
import { installedDependencies, packedPackage } from "./packed-package";
import { pulumiBinDir } from "./pulumi-cli";

/** One engine event as the Automation API's `onEvent` gets it (the fields the tests read). */
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

interface RunOptions {
  /** Return the failed run instead of throwing (the CLI's exit code, output and events). */
  allowFailure?: boolean;
}

let command: Promise<PulumiCommand> | undefined;

/** The CLI at scripts/install-pulumi's bin directory (a loud failure when it is missing). */
function pulumiCommand(): Promise<PulumiCommand> {
  command ??= PulumiCommand.get({ root: dirname(pulumiBinDir()) });
  return command;
}

/**
 * A Pulumi program run through Pulumi's Automation API (a `LocalWorkspace` on the real CLI) in a
 * fresh PULUMI_HOME with a local file backend, its node_modules holding this package installed
 * from its packed tarball.
 */
export class PulumiProgram {
  readonly stack: string;
  readonly root = mkdtempSync(join(tmpdir(), "pulumi-identity-engine-"));
  readonly dir = join(this.root, "program");
  readonly backend = join(this.root, "backend");
  private readonly home = join(this.root, "pulumi-home");
  readonly name: string;
  private readonly env: Record<string, string>;
  private auto?: Stack;

  private constructor(private readonly options: ProgramOptions) {
    this.name = projectName(options.files["Pulumi.yaml"]) ?? "engine-test";
    this.stack = options.stack ?? "test";
    this.env = {
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: "test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      NO_COLOR: "1",
      ...options.env,
    };
  }

  static async create(options: ProgramOptions): Promise<PulumiProgram> {
    const program = new PulumiProgram(options);
    program.writeFiles();
    program.auto = await LocalWorkspace.createStack(
      { stackName: program.stack, workDir: program.dir },
      {
        pulumiCommand: await pulumiCommand(),
        pulumiHome: program.home,
        envVars: program.env,
      },
    );
    return program;
  }

  private get automation(): Stack {
    if (!this.auto) throw new Error("the stack has not been created");
    return this.auto;
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
    writeFiles(this.dir, files);
  }

  /** Points the program's node_modules at an install of the given tarball (an upgrade, say). */
  installPackage(tarball: string): void {
    rmSync(join(this.dir, "node_modules"), { force: true });
    symlinkSync(
      join(installedDependencies(tarball, this.options.dependencies), "node_modules"),
      join(this.dir, "node_modules"),
    );
  }

  /** The environment the program's CLI commands run with: for a CLI started by hand. */
  environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const bin = pulumiBinDir();
    return {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      PULUMI_HOME: this.home,
      ...this.env,
      ...extra,
    };
  }

  /**
   * Runs `pulumi <args>` in the program's directory and environment (its stack selected), for what
   * the Automation API has no method for; none of this harness's own calls need it. Throws with
   * the CLI's output unless it exits 0 or `allowFailure`.
   */
  async pulumi(args: string[], opts: RunOptions & { env?: Record<string, string> } = {}) {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        join(pulumiBinDir(), "pulumi"),
        [...args, "--non-interactive"],
        { cwd: this.dir, env: this.environment(opts.env), maxBuffer: 64 * 1024 * 1024 },
      );
      return { exitCode: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as {
        code?: unknown;
        stdout?: string;
        stderr?: string;
      };
      if (!opts.allowFailure || typeof code !== "number") throw error;
      return { exitCode: code, stdout: stdout ?? "", stderr: stderr ?? "" };
    }
  }

  async setConfig(key: string, value: string, opts: { secret?: boolean } = {}): Promise<void> {
    await this.automation.setConfig(key, { value, secret: opts.secret ?? false });
  }

  /** Sets several config values in one CLI call (`setAllConfig`). */
  async setConfigs(entries: { key: string; value: string; secret?: boolean }[]): Promise<void> {
    await this.automation.setAllConfig(
      Object.fromEntries(entries.map(({ key, value, secret }) => [key, { value, secret }])),
    );
  }

  /** Runs an engine operation, collecting its events; a failed run is returned if allowed. */
  private async engine(
    operation: (onEvent: (event: PulumiEngineEvent) => void) => Promise<{
      stdout: string;
      stderr: string;
    }>,
    opts: RunOptions,
  ): Promise<EngineRun> {
    const events: EngineEvent[] = [];
    let result: { exitCode: number; stdout: string; stderr: string };
    try {
      const { stdout, stderr } = await operation((event) => events.push(event as EngineEvent));
      result = { exitCode: 0, stdout, stderr };
    } catch (error) {
      if (!opts.allowFailure || !(error instanceof CommandError)) throw error;
      result = failedCommand(error);
    }
    const summary = events.find((event) => event.summaryEvent)?.summaryEvent;
    const steps = events
      .flatMap((event) => (event.resourcePreEvent ? [event.resourcePreEvent.metadata] : []))
      .filter((step) => step.op !== "same");
    return { ...result, events, changes: summary?.resourceChanges ?? {}, steps };
  }

  /** `pulumi up`; with `refresh`, `pulumi up --refresh` (reads every resource back first). */
  up(opts: RunOptions & { refresh?: boolean } = {}) {
    return this.engine(
      (onEvent) => this.automation.up({ onEvent, refresh: opts.refresh, color: "never" }),
      opts,
    );
  }
  preview(opts: RunOptions & { refresh?: boolean } = {}) {
    return this.engine(
      (onEvent) => this.automation.preview({ onEvent, refresh: opts.refresh, color: "never" }),
      opts,
    );
  }
  /** `pulumi preview --diff` (with `refresh`, `--refresh` too) as a person reads it. */
  async previewDiffText(opts: { refresh?: boolean } = {}): Promise<string> {
    const run = await this.automation.preview({
      diff: true,
      refresh: opts.refresh,
      color: "never",
    });
    return run.stdout;
  }
  refresh(opts: RunOptions = {}) {
    return this.engine((onEvent) => this.automation.refresh({ onEvent, color: "never" }), opts);
  }
  destroy(opts: RunOptions = {}) {
    return this.engine((onEvent) => this.automation.destroy({ onEvent, color: "never" }), opts);
  }

  /** The stack's outputs, secrets in plain text (`pulumi stack output --json --show-secrets`). */
  async outputs(): Promise<Record<string, unknown>> {
    const outputs = await this.automation.outputs();
    return Object.fromEntries(Object.entries(outputs).map(([key, { value }]) => [key, value]));
  }

  /** The stack's state as `pulumi stack export --show-secrets` gives it: secrets decrypted. */
  exportStack(): Promise<Deployment> {
    return this.automation.exportStack();
  }

  /**
   * The raw text of the stack's state file in the file backend: the bytes that are stored, secrets
   * encrypted. Not `exportStack`, which decrypts them, and synchronous for the tests' finds.
   */
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

/** Writes files by path relative to `dir`, making the folders they need. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** What a failed CLI run printed: the Automation API keeps it in the CommandError. */
function failedCommand(error: CommandError): { exitCode: number; stdout: string; stderr: string } {
  const { code, stdout, stderr } = (
    error as unknown as { commandResult: { code: number; stdout: string; stderr: string } }
  ).commandResult;
  return { exitCode: code, stdout, stderr };
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
