import { randomUUID } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { readSetting, type SettingName, type SettingSource, settings } from "../config";
import { packageVersion } from "../package-version";
import { resourceSpec } from "../resource/spec";

/** What the provider running inside Pulumi's host sees: its version and where each setting comes from. */
function describe(): { packageVersion: string; settings: Record<SettingName, SettingSource> } {
  const sources = Object.fromEntries(
    (Object.keys(settings) as SettingName[]).map((name) => [name, readSetting(name).source]),
  ) as Record<SettingName, SettingSource>;
  return { packageVersion, settings: sources };
}

const providerCheckProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds, news) {
    const unexpected = Object.keys(news).filter((key) => !key.startsWith("__"));
    return {
      inputs: news,
      failures: unexpected.map((property) => ({
        property,
        reason: `ProviderCheck takes no arguments; remove "${property}".`,
      })),
    };
  },
  // It has no inputs, so only a new package version could differ, and that is not a change.
  async diff() {
    return { changes: false };
  },
  async create() {
    return { id: randomUUID(), outs: describe() };
  },
  async read(id) {
    return { id, props: describe(), inputs: {} };
  },
  async delete() {},
};

const ProviderCheckOutputs = z.object({
  packageVersion: z.string(),
  settings: z.record(z.string(), z.enum(["config", "environment", "missing"])),
});

export const spec = resourceSpec(
  "diagnostics:ProviderCheck",
  z.strictObject({}),
  ProviderCheckOutputs,
  () => providerCheckProvider,
);
