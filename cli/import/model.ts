import type { Role } from "../../provider/asa/schemas";

// What an import reads, as the generated module stores it (its data block, JSON): sorted, so the
// same org always gives the same file, and a later import can tell what changed.

export const DATA_VERSION = 1;

export interface ImportedGroup {
  /** The Pulumi resource name of the group's asa.Group and asa.GroupMembership. */
  resourceName: string;
  name: string;
  roles: Role[];
  members: string[];
}

export interface SecureframeValues {
  employeeType?: string;
  startDate?: string;
  endDate?: string;
  inAuditScope?: boolean;
}

export interface ImportedSecureframeUser {
  resourceName: string;
  id: string;
  email: string;
  status?: { active: boolean };
  attributes?: SecureframeValues;
}

export interface ImportedScaiKeyUser {
  resourceName: string;
  id: string;
  email: string;
  status?: { status: "ACTIVE" | "DISABLED" | "LOCKED" };
  attributes?: Record<string, string>;
}

export interface ImportedData {
  version: typeof DATA_VERSION;
  asa?: { team: string; groups: ImportedGroup[] };
  secureframe?: { users: ImportedSecureframeUser[] };
  scaikey?: { tenantId: string; users: ImportedScaiKeyUser[] };
}

/** What a reader found, and what it left out and why (printed as warnings). */
export interface ReadResult<T> {
  value: T;
  notes: string[];
}

/** Code-unit order, as the providers sort names. */
export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
