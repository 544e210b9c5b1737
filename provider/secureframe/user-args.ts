import { z } from "zod";
import { quote } from "../resource";
import { userRefArg } from "../users/args";
import { EmployeeType } from "./schemas";
import { isSecureframeId } from "./user-adapter";

export const secureframeUserArg = userRefArg({
  api: "Secureframe",
  idForm: 'a UUID like "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d"',
  isId: isSecureframeId,
  emailExample: "jason.compson@example.com",
});

/** The types an update can set: all of them (the OpenAPI document lists "workspace" too). */
export const SETTABLE_EMPLOYEE_TYPES = EmployeeType.options;

export const employeeTypeArg = z.enum(SETTABLE_EMPLOYEE_TYPES, {
  error: (iss) =>
    `${quote(iss.input)} is not a Secureframe employee type; use one of ${SETTABLE_EMPLOYEE_TYPES.join(", ")}`,
});

const isoDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** An ISO 8601 date or date-time, stored as the instant it names (a date is midnight UTC); null clears it. */
export const dateArg = z
  .string({
    error: (iss) =>
      `must be an ISO 8601 date such as "2024-01-15" or "2024-01-15T09:00:00Z", or null to clear it; not ${quote(iss.input)}`,
  })
  .refine((value) => isoDate.safeParse(value).success, {
    error: (iss) =>
      `${quote(iss.input)} is not an ISO 8601 date; write it like "2024-01-15" or "2024-01-15T09:00:00Z" (a time needs Z or an offset such as +02:00)`,
  })
  .transform((value) => new Date(value).toISOString())
  .nullable();
