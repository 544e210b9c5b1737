import { z } from "zod";
import type { Inputs } from "../resource";
import { emailArg, restoreOnDeleteArg, textArg } from "../users/args";
import { userResourceSpec, type Values } from "../users/user-resource";
import { CUSTOM, FIELD_NAMES, scaikeyUserAdapter } from "./user-adapter";
import {
  customAttributesArg,
  localeArg,
  ouIdArg,
  phoneArg,
  scaikeyUserArg,
  tenantIdArg,
  timezoneArg,
} from "./user-args";

/** scaikey.UserAttributes's arguments, as check validates and normalises them. */
export const ScaiKeyUserAttributesArgs = z.strictObject({
  /** The user's id (`usr_...`) or email address (looked up once, at creation). */
  user: scaikeyUserArg,
  /** The tenant (`tnt_...`); default `identity:scaikeyTenant`. */
  tenantId: tenantIdArg,
  email: emailArg("jason.compson@example.com").optional(),
  /** null clears it. */
  username: textArg("jason.compson").optional(),
  firstName: textArg("Jason").optional(),
  lastName: textArg("Compson").optional(),
  displayName: textArg("Jason Compson IV").optional(),
  /** Digits with an optional leading + and separators, e.g. "+1-662-555-0104"; null clears it. */
  phone: phoneArg.optional(),
  /** A language code with an optional region, e.g. "en" or "en-US". */
  locale: localeArg.optional(),
  /** An IANA time zone name, e.g. "America/Chicago" or "UTC". */
  timezone: timezoneArg.optional(),
  /** The organizational unit's id (`ou_...`); null takes the user out of any unit. */
  ouId: ouIdArg.optional(),
  /** Only the attributes named here are managed, each on its own; null removes one. */
  customAttributes: customAttributesArg.optional(),
  /** On delete, put back the values found when the resource was created (default false: leave them). */
  restoreOnDelete: restoreOnDeleteArg,
});

const text = z.string().nullable().optional();

/** The stored outputs: the arguments (with the tenant resolved), the user's id, and the values found at creation. */
export const ScaiKeyUserAttributesOutputs = z.object({
  user: z.string(),
  tenantId: z.string(),
  email: z.string().optional(),
  username: text,
  firstName: text,
  lastName: text,
  displayName: text,
  phone: text,
  locale: z.string().optional(),
  timezone: z.string().optional(),
  ouId: text,
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  restoreOnDelete: z.boolean(),
  userId: z.string(),
  originalValues: z.record(z.string(), z.unknown()),
});

function declared(args: Inputs): Values {
  const values: Values = Object.fromEntries(
    FIELD_NAMES.filter((name) => args[name] !== undefined).map((name) => [name, args[name]]),
  );
  const custom = (args.customAttributes ?? {}) as Values;
  for (const [key, value] of Object.entries(custom)) values[`${CUSTOM}${key}`] = value ?? null;
  return values;
}

function nest(values: Values): Inputs {
  const fields = Object.entries(values).filter(([key]) => !key.startsWith(CUSTOM));
  const custom = Object.entries(values).filter(([key]) => key.startsWith(CUSTOM));
  return {
    ...Object.fromEntries(fields),
    ...(custom.length > 0
      ? {
          customAttributes: Object.fromEntries(
            custom.map(([key, v]) => [key.slice(CUSTOM.length), v]),
          ),
        }
      : {}),
  };
}

export const spec = userResourceSpec(
  "scaikey:UserAttributes",
  ScaiKeyUserAttributesArgs,
  ScaiKeyUserAttributesOutputs,
  scaikeyUserAdapter,
  {
    declaredBy: [...FIELD_NAMES, "customAttributes"],
    declared,
    nest,
    // The API keeps the email, locale and time zone when sent null: they cannot be cleared.
    unrestorable: (key, value) =>
      value === null && (key === "email" || key === "locale" || key === "timezone")
        ? `ScaiKey cannot clear ${key}`
        : undefined,
  },
  { secretOutputs: ["originalValues"] },
);
