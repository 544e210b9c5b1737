import * as pulumi from "@pulumi/pulumi";
import { configNamespace, type SettingName, setCommands, settings } from "../provider/config";

// Exported at run time by every supported @pulumi/pulumi, though marked internal; without it
// (a future version) the check is skipped rather than the program broken.
const isConfigSecret = (pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean })
  .isConfigSecret;

/**
 * Fails the program when a setting of named credential sets is in the stack config with no
 * secret in it: its key secrets are then in plain text in `Pulumi.<stack>.yaml`, and Pulumi would
 * copy them unencrypted into the state (its default provider's inputs). Pulumi marks a whole
 * structured value secret as soon as one field was set with `--secret`.
 */
export function refusePlainCredentialSets(): void {
  if (!isConfigSecret) return;
  const config = new pulumi.Config(configNamespace);
  for (const name of Object.keys(settings) as SettingName[]) {
    const { sets } = settings[name];
    const key = `${configNamespace}:${name}`;
    if (!sets || config.get(name) === undefined || isConfigSecret(key)) continue;
    throw new Error(
      `${key} is in the stack config in plain text, secrets included; set each ${sets.what}'s secret with --secret (${setCommands(sets, sets.example)}), so Pulumi encrypts it in Pulumi.<stack>.yaml and in the state.`,
    );
  }
}
