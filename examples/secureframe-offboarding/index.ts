import type * as pulumi from "@pulumi/pulumi";
import { secureframe } from "pulumi-identity";

interface Leaver {
  /** Their Secureframe email (or id). */
  user: string;
  /** Their last day (ISO 8601), recorded as Secureframe's end date. */
  lastDay: string;
  /** Whether the audit still covers them; out of scope, their open compliance tasks stop counting. */
  inAuditScope: boolean;
}

// People who have left. Add someone when HR confirms their last day; the pull request's
// `pulumi preview` shows what changes for them in Secureframe.
const leavers: Leaver[] = [
  { user: "caddy.compson@example.com", lastDay: "2026-11-20", inAuditScope: false },
  { user: "maury.bascomb@example.com", lastDay: "2024-12-31", inAuditScope: false },
];

/** Each leaver's Secureframe id. */
export const leaverIds: Record<string, pulumi.Output<string>> = {};

for (const { user, lastDay, inAuditScope } of leavers) {
  // restoreOnDelete: taking someone off the list (a departure called off, or listed by mistake)
  // puts back what Secureframe had before — active again, their old end date and audit scope.
  // `pulumi destroy` does the same for everyone listed.
  const attributes = new secureframe.UserAttributes(`${user}-leaves`, {
    user,
    endDate: lastDay,
    inAuditScope,
    restoreOnDelete: true,
  });
  new secureframe.UserStatus(`${user}-inactive`, { user, active: false, restoreOnDelete: true });
  leaverIds[user] = attributes.userId;
}
