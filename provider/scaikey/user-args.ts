import { z } from "zod";
import { quote } from "../resource";
import { userRefArg } from "../users/args";

export const isScaiKeyUserId = (value: string) => /^usr_[A-Za-z0-9]+$/.test(value);

export const scaikeyUserArg = userRefArg({
  api: "ScaiKey",
  idForm: 'like "usr_a0ef100cb9467317b1a26c4c"',
  isId: isScaiKeyUserId,
  emailExample: "jason.compson@example.com",
});

const notATenant = (input: unknown) =>
  `${quote(input)} is not a ScaiKey tenant id; give one like "tnt_a24a8f641821b521082680b9" (not the tenant's slug), or leave tenantId out to use identity:scaikeyTenant`;

export const isTenantId = (value: string) => /^tnt_[A-Za-z0-9]+$/.test(value);

export const tenantIdArg = z
  .string({ error: (iss) => notATenant(iss.input) })
  .transform((value) => value.trim())
  .refine(isTenantId, { error: (iss) => notATenant(iss.input) })
  .optional();

// Names as the tz database writes them: each part starts with a capital ("Etc/GMT+5", "EST5EDT").
const IANA_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;
let zones: Set<string> | undefined;

/**
 * An IANA time zone name as written in the tz database: a current name (`America/Chicago`), `UTC`,
 * or a link the platform knows (`US/Eastern`). Returns what is wrong, or undefined.
 */
export function timeZoneProblem(value: string): string | undefined {
  zones ??= new Set(Intl.supportedValuesOf("timeZone"));
  // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a shortcut; the names it takes also resolve, spelled as below
  if (zones.has(value) || value === "UTC") return undefined;
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    // not a time zone the platform knows: resolved stays undefined
  }
  if (resolved && IANA_NAME.test(value)) return undefined;
  const hint = resolved
    ? `; did you mean ${quote(resolved)}?`
    : ', e.g. "America/Chicago" or "UTC"';
  return `${quote(value)} is not an IANA time zone name${hint}`;
}

export const timezoneArg = z
  .string({
    error: (iss) =>
      `must be an IANA time zone name such as "America/Chicago", not ${quote(iss.input)}`,
  })
  .superRefine((value, ctx) => {
    const problem = timeZoneProblem(value);
    // Stryker disable next-line StringLiteral: zod keeps the message whatever the code, and check reads the message only
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

// BCP 47 as ScaiKey shows it ("en", "en-US", "zh-Hant-TW"): language, optional script, optional region.
const LOCALE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

/** Returns the locale in its canonical spelling (`en-us` → `en-US`), or undefined if it is not one. */
export function canonicalLocale(value: string): string | undefined {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(value.trim());
  } catch {
    // not a language tag: canonical stays undefined
  }
  return canonical && LOCALE.test(canonical) ? canonical : undefined;
}

export const localeArg = z
  .string({ error: (iss) => `must be a locale such as "en" or "en-US", not ${quote(iss.input)}` })
  .superRefine((value, ctx) => {
    if (canonicalLocale(value) === undefined)
      ctx.addIssue({
        // Stryker disable next-line StringLiteral: zod keeps the message whatever the code, and check reads the message only
        code: "custom",
        message: `${quote(value)} is not a locale; use a language code with an optional region, e.g. "en" or "en-US" (a hyphen, not an underscore)`,
      });
  })
  .transform((value) => canonicalLocale(value) ?? value);

// Digits with the usual separators, an optional leading +: "+1-662-555-0104", "(662) 555 0104".
const PHONE = /^\+?[0-9(][0-9 ().-]*[0-9]$/;

export const phoneArg = z
  .string({
    error: (iss) =>
      `must be a phone number such as "+1-662-555-0104", or null to clear it; not ${quote(iss.input)}`,
  })
  .transform((value) => value.trim())
  .refine((value) => PHONE.test(value) && value.replace(/\D/g, "").length >= 3, {
    error: (iss) =>
      `${quote(iss.input)} is not a phone number; use digits with an optional leading + and spaces, dashes, dots or parentheses, e.g. "+1-662-555-0104"`,
  })
  .nullable();

const notAnOu = (input: unknown) =>
  `${quote(input)} is not an organizational unit id; give one like "ou_fd4a02977ee211738882b9bd", or null to take the user out of any unit`;

export const ouIdArg = z
  .string({ error: (iss) => notAnOu(iss.input) })
  // The string's error says what is wrong with a blank one too.
  .refine((value) => value.trim() !== "")
  .nullable();

const jsonValue = z.json();

/** Only the keys given are managed; null removes a key. Values are any JSON. */
export const customAttributesArg = z.record(
  z.string().refine((key) => key.trim() !== "" && !key.includes("."), {
    error: (iss) =>
      `${quote(iss.input)} cannot be a custom attribute's name; use a non-empty name without dots`,
  }),
  // z.json() answers "Invalid input" whatever error it is given (zod hands it to its string branch).
  z.custom<z.output<typeof jsonValue>>((value) => jsonValue.safeParse(value).success, {
    error: "must be a JSON value (string, number, boolean, list or object), or null to remove it",
  }),
  {
    error: (iss) =>
      iss.code === "invalid_key"
        ? // Stryker disable next-line OptionalChaining: zod's invalid_key issue always holds the key's issues
          iss.issues[0]?.message
        : `must be an object of custom attributes, e.g. { employer: "Earl's hardware store" }, not ${quote(iss.input)}`,
  },
);
