import { z } from "zod";
import { Role } from "../../provider/asa/schemas";
import { FIELDS } from "../../provider/scaikey/user-adapter";
import { SETTABLE_STATUSES } from "../../provider/scaikey/user-status";
import { EmployeeType } from "../../provider/secureframe/schemas";

// What an import reads, as the generated module stores it (its data block, JSON): sorted, so the
// same org always gives the same file, and a later import can tell what changed. The schema also
// reads the block back, so a hand-edited block is found out rather than trusted.

export const DATA_VERSION = 1;

const ImportedGroup = z.strictObject({
  /** The Pulumi resource name of the group's asa.Group and asa.GroupMembership. */
  resourceName: z.string(),
  name: z.string(),
  roles: z.array(Role),
  members: z.array(z.string()),
});

const userEntry = { resourceName: z.string(), id: z.string(), email: z.string() };

const ImportedSecureframeUser = z.strictObject({
  ...userEntry,
  status: z.strictObject({ active: z.boolean() }).optional(),
  attributes: z
    .strictObject({
      employeeType: EmployeeType.optional(),
      startDate: z.string().optional(),
      endDate: z.string().optional(),
      inAuditScope: z.boolean().optional(),
    })
    .optional(),
});

const scaikeyField = z.enum(FIELDS.names);

const ImportedScaiKeyUser = z.strictObject({
  ...userEntry,
  status: z.strictObject({ status: z.enum(SETTABLE_STATUSES) }).optional(),
  attributes: z.partialRecord(scaikeyField, z.string()).optional(),
});

export const ImportedData = z.strictObject({
  version: z.literal(DATA_VERSION),
  asa: z.strictObject({ team: z.string(), groups: z.array(ImportedGroup) }).optional(),
  secureframe: z.strictObject({ users: z.array(ImportedSecureframeUser) }).optional(),
  scaikey: z.strictObject({ tenantId: z.string(), users: z.array(ImportedScaiKeyUser) }).optional(),
});

export type ImportedGroup = z.infer<typeof ImportedGroup>;
export type ImportedSecureframeUser = z.infer<typeof ImportedSecureframeUser>;
export type SecureframeValues = NonNullable<ImportedSecureframeUser["attributes"]>;
export type ImportedScaiKeyUser = z.infer<typeof ImportedScaiKeyUser>;
export type ImportedData = z.infer<typeof ImportedData>;

/** What a reader found, and what it left out and why (printed as notes). */
export interface ReadResult<T> {
  value: T;
  notes: string[];
}

/** Code-unit order, as the providers sort names. */
export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
