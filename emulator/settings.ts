import { z } from "zod";

/** Switches between readings of the APIs where public sources disagree. */
export const settingsSchema = z.strictObject({
  secureframe: z
    .strictObject({
      /** `data`: lists as `{"data": [...]}` (what clients in the wild read); `array`: a top-level
       * JSON array (what the OpenAPI document and the seed show). */
      listShape: z.enum(["data", "array"]).default("data"),
    })
    .default({ listShape: "data" }),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
