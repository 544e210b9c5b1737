#!/usr/bin/env node
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { packageVersion as version } from "../provider/package-version";
import { commands, runCommand, topUsage } from "./commands";

// The `pulumi-identity` command (its other subcommands: cli/commands.ts). `emulator` runs the
// `pulumi-identity-emulator` package's command when that package is installed (in the project, or
// globally beside this one): the emulator and its web server are a package of their own, so that
// programs that only manage groups do not install them.

const emulatorPackage = "pulumi-identity-emulator";

/**
 * The emulator package's version and command, or undefined when it is not installed: looked for
 * from `paths` (the current folder's project, then beside this package).
 */
export function findEmulator(
  paths = [process.cwd(), __dirname],
): { version: string; bin: string } | undefined {
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${emulatorPackage}/package.json`, { paths });
  } catch {
    return undefined;
  }
  const manifest = require(manifestPath);
  return {
    version: manifest.version,
    bin: join(dirname(manifestPath), manifest.bin[emulatorPackage]),
  };
}

function runEmulator(args: string[], paths?: string[]): Promise<number> {
  const emulator = findEmulator(paths);
  if (!emulator) {
    process.stderr.write(
      `The emulator is a package of its own. Install it beside pulumi-identity:\n\n` +
        `  npm install --save-dev ${emulatorPackage}@${version}\n\n` +
        `then run \`npx pulumi-identity emulator\` (or \`npx ${emulatorPackage}\`) again.\n`,
    );
    return Promise.resolve(1);
  }
  if (emulator.version !== version)
    process.stderr.write(
      `warning: ${emulatorPackage} ${emulator.version} is installed beside pulumi-identity ${version}; ` +
        `they are released together: install ${emulatorPackage}@${version}\n`,
    );
  const child = spawn(process.execPath, [emulator.bin, ...args], { stdio: "inherit" });
  // Ctrl+C reaches both processes; a SIGTERM sent to this one is passed on, so --save still works.
  const ignore = () => {};
  const forward = () => child.kill("SIGTERM");
  process.on("SIGINT", ignore);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      process.off("SIGINT", ignore);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs the command; resolves to its exit code. `paths`: where to look for the emulator package. */
export async function main(argv: string[], paths?: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? process.stderr : process.stdout).write(topUsage);
    return command === undefined ? 2 : 0;
  }
  const other = commands[command];
  if (other) return runCommand(other, rest);
  if (command !== "emulator") {
    process.stderr.write(`unknown command: ${command}\n\n${topUsage}`);
    return 2;
  }
  return runEmulator(rest, paths);
}

if (require.main === module)
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
