import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { useStackConfig } from "../../provider/config";
import { InputError } from "../errors";

/**
 * Reads a stack's config with `pulumi config --json --show-secrets --stack <name>` in `cwd` (the
 * Pulumi project) and hands its `identity:*` values to the settings, as `configure` does for the
 * providers: from then on they come before the environment variables. Secrets stay in memory.
 * Needs the pulumi CLI and the stack's backend and passphrase, as `pulumi preview` does.
 */
export async function readStackConfig(stack: string, cwd: string): Promise<void> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(
      "pulumi",
      ["config", "--json", "--show-secrets", "--stack", stack],
      { cwd, maxBuffer: 16 * 1024 * 1024 },
    ));
  } catch (error) {
    const { code, stderr } = error as { code?: unknown; stderr?: string };
    if (code === "ENOENT") {
      throw new InputError(
        `--stack ${stack} needs the pulumi CLI on PATH; install it, or leave out --stack and set the settings' environment variables instead`,
      );
    }
    const reason = (stderr ?? "").trim().split("\n")[0] ?? "";
    throw new InputError(
      `--stack ${stack}: \`pulumi config --stack ${stack}\` failed in ${cwd}: ${reason || `exit code ${String(code)}`}. Run the import in the Pulumi project's directory, with its backend and passphrase set as for \`pulumi preview\`.`,
    );
  }
  const config = JSON.parse(stdout) as Record<string, { value?: unknown }>;
  useStackConfig((key) => {
    const value = config[key]?.value;
    return typeof value === "string" ? value : undefined;
  });
}
