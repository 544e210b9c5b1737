// The public types of the Secureframe resources and lookups: plain interfaces, so a program's
// compiler reads them quickly and with any tsconfig. Each is proven equal to the schema the providers
// check or read with: the resources' in resources.ts, the API objects' in test/types/public-types.ts.

import type { InputArgs } from "../identity-resource";

export type EmployeeType =
  | "contractor"
  | "employee"
  | "non_employee"
  | "auditor"
  | "external"
  | "workspace";

/** A Secureframe user as the lookups give it: its attributes, flattened, with its id. */
export interface SecureframeUser {
  id: string;
  email: string;
  first_name?: string | null;
  middle_name?: string | null;
  last_name?: string | null;
  name?: string | null;
  preferred_first_name?: string | null;
  title?: string | null;
  department_id?: string | null;
  manager_name?: string | null;
  role?: string | null;
  access_role?: string | null;
  active?: boolean | null;
  active_source?: string | null;
  /** A string rather than the enum: a new employee type must not break reading users. */
  employee_type?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  in_audit_scope?: boolean | null;
  invited?: boolean | null;
  invited_at?: string | null;
  onboarding_status?: string | null;
  personnel_status?: string | null;
  secureframe_agent_acknowledged_at?: string | null;
  image_url?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
}

/** What `secureframe.UserAttributes` takes, as values. */
export interface UserAttributesArgValues {
  /** The user's Secureframe id or email address (looked up once, at creation); changing it replaces the resource. */
  user: string;
  /** The account (a key pair of identity:secureframeAccounts) the user is in; default: identity:secureframeApiKey's. Changing it replaces the resource. */
  account?: string;
  /** contractor, employee, non_employee, auditor, external or workspace. */
  employeeType?: EmployeeType;
  /** ISO 8601 date or date-time; null clears it. */
  startDate?: string | null;
  /** ISO 8601 date or date-time; null clears it. */
  endDate?: string | null;
  /** Whether the user is in audit scope (Secureframe allows changing it only in some cases). */
  inAuditScope?: boolean;
  /** On delete, put back the values found when the resource was created (default false: leave them). */
  restoreOnDelete?: boolean;
}
/** What `secureframe.UserAttributes` takes: each value may be an Output. */
export type UserAttributesArgs = InputArgs<UserAttributesArgValues>;

export interface UserAttributesOutputs {
  user: string;
  account?: string;
  employeeType?: string;
  /** As an ISO 8601 instant, e.g. `2024-01-15T00:00:00.000Z`. */
  startDate?: string | null;
  endDate?: string | null;
  inAuditScope?: boolean;
  restoreOnDelete: boolean;
  userId: string;
  /** The declared values as found at creation (secret: copied from Secureframe). */
  originalValues: {
    employeeType?: string | null;
    startDate?: string | null;
    endDate?: string | null;
    inAuditScope?: boolean | null;
  };
}

/** What `secureframe.UserStatus` takes, as values. */
export interface UserStatusArgValues {
  /** The user's Secureframe id or email address (looked up once, at creation); changing it replaces the resource. */
  user: string;
  /** The account (a key pair of identity:secureframeAccounts) the user is in; default: identity:secureframeApiKey's. Changing it replaces the resource. */
  account?: string;
  /** true: the account is active; false: deactivated. */
  active: boolean;
  /** On delete, put back the value found when the resource was created (default false: leave it). */
  restoreOnDelete?: boolean;
}
/** What `secureframe.UserStatus` takes: each value may be an Output. */
export type UserStatusArgs = InputArgs<UserStatusArgValues>;

export interface UserStatusOutputs {
  user: string;
  account?: string;
  active: boolean;
  restoreOnDelete: boolean;
  userId: string;
  /** The value found at creation. */
  originalValues: { active: boolean | null };
}
