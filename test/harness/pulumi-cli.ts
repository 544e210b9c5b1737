import { execFileSync } from "node:child_process";
import { join } from "node:path";

export const repoRoot = join(__dirname, "..", "..");

let binDir: string | undefined;

/**
 * The directory holding `pulumi` and its Node.js plugins at the version the package pins. Fails
 * loudly, never skips: engine tests are meaningless without the real CLI.
 */
export function pulumiBinDir(): string {
  if (binDir) return binDir;
  try {
    const out = execFileSync(join(repoRoot, "scripts", "install-pulumi"), ["--check"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    binDir = out.trim().split("\n").at(-1);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(
      `The Pulumi CLI these tests need is not installed.\n${stderr}Run \`npm run setup\` (scripts/install-pulumi) once; it builds the CLI from its Go modules.`,
    );
  }
  if (!binDir) throw new Error("scripts/install-pulumi --check printed no directory");
  return binDir;
}
