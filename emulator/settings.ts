import { z } from "zod";

/** Switches between readings of the APIs where public sources disagree. */
const asaDefaults = {
  usernames: "exact",
  nextLinks: "same-origin",
  liveGroupDeletedAt: "null",
} as const;

export const settingsSchema = z.strictObject({
  asa: z
    .strictObject({
      /** `exact`: a username matches only as spelt (the seeds do not say whether ASA folds case);
       * `case-insensitive`: `/users/jason.compson.iv` answers Jason.Compson.IV. */
      usernames: z.enum(["exact", "case-insensitive"]).default("exact"),
      /** Where pages' `Link: rel="next"` points: `same-origin` (the API's own next page), `loop`
       * (back to the first page, forever), or another origin given as a URL (e.g.
       * "http://127.0.0.1:9"): for tests that clients refuse such links. */
      nextLinks: z
        .union([z.enum(["same-origin", "loop"]), z.url({ protocol: /^https?$/ })])
        .default("same-origin"),
      /** A live group's `deleted_at`: `null` (what Okta's own clients read as live: they take any
       * non-null value for a soft delete), or `zero-time`: "0001-01-01T00:00:00Z", as the seed's
       * examples show it. */
      liveGroupDeletedAt: z.enum(["null", "zero-time"]).default("null"),
    })
    .default(asaDefaults),
  secureframe: z
    .strictObject({
      /** `data`: lists as `{"data": [user, ...]}` (what the live service answers, and clients in
       * the wild read); `array`: a top-level JSON array of users (the seed's sample is a top-level
       * array, its items not shown); `openapi`: a top-level array whose items each wrap one user
       * as `{"data": user, "included": []}`, as the OpenAPI document's schema says. */
      listShape: z.enum(["data", "array", "openapi"]).default("data"),
    })
    .default({ listShape: "data" }),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
