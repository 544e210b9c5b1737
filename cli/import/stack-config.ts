import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { configNamespace, type SettingName, settings } from "../../provider/config";
import { InputError } from "../errors";
import type { StackSettings } from "./settings";

/**
 * The identity:* settings of a stack's config, as the providers get them: read with
 * `pulumi config --json --show-secrets --stack <name>` in `cwd` (the Pulumi project), secrets
 * decrypted in memory only. Needs the pulumi CLI and the stack's backend and passphrase, as
 * `pulumi preview` does.
 */
export async function readStackConfig(stack: string, cwd: string): Promise<StackSettings> {
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
        "--stack needs the pulumi CLI on PATH; or set the settings' environment variables instead",
      );
    }
    const reason = (stderr ?? "").trim().split("\n")[0] ?? "";
    throw new InputError(
      `--stack ${stack}: \`pulumi config --stack ${stack}\` failed in ${cwd}: ${reason || `exit code ${String(code)}`}. Run the import in the Pulumi project's directory, with its backend and passphrase set as for \`pulumi preview\`.`,
    );
  }
  const config = JSON.parse(stdout) as Record<string, { value?: unknown }>;
  const values = new Map<SettingName, string>();
  for (const name of Object.keys(settings) as SettingName[]) {
    const value = config[`${configNamespace}:${name}`]?.value;
    if (typeof value === "string" && value !== "") values.set(name, value);
  }
  return { stack, values };
}
