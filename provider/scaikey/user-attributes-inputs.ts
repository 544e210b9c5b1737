import { z } from "zod";
import { emailArg, restoreOnDeleteArg, textArg } from "../users/args";
import type { UserUpdate } from "./schemas";
import {
  customAttributesArg,
  localeArg,
  ouIdArg,
  phoneArg,
  scaikeyUserArg,
  tenantIdArg,
  timezoneArg,
} from "./user-args";

/** The arguments' names of the user's fields, and the API's (custom attributes apart). */
export const FIELDS = {
  email: "email",
  username: "username",
  firstName: "first_name",
  lastName: "last_name",
  displayName: "display_name",
  phone: "phone",
  locale: "locale",
  timezone: "timezone",
  ouId: "ou_id",
} as const satisfies Record<string, keyof UserUpdate>;

export type FieldName = keyof typeof FIELDS;

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

export type ScaiKeyUserAttributesArgs = z.output<typeof ScaiKeyUserAttributesArgs>;

type Attributes = Omit<ScaiKeyUserAttributesArgs, "user" | "tenantId" | "restoreOnDelete">;

/** The stored outputs: the arguments (with the tenant resolved), the user's id, and the values found at creation. */
export type ScaiKeyUserAttributesOutputs = Omit<ScaiKeyUserAttributesArgs, "tenantId"> & {
  tenantId: string;
  userId: string;
  originalValues: { [K in keyof Attributes]?: Attributes[K] | null };
};
