import type * as pulumi from "@pulumi/pulumi";
import { scaikey } from "pulumi-identity";

interface Decision {
  status: "ACTIVE" | "DISABLED" | "LOCKED";
  /** Why: sent to ScaiKey with the change, and kept in this file's history. */
  reason: string;
  /** End the user's open sessions when the status changes. */
  terminateSessions?: boolean;
}

// The accounts the security team has decided about, by email (or `usr_...` id). Changing a status
// here and running `pulumi up` applies it: LOCKED → ACTIVE unlocks the account.
const accounts: Record<string, Decision> = {
  "caddy.compson@example.com": {
    status: "ACTIVE",
    reason: "Locked by failed sign-ins; identity checked by phone (HELP-2207)",
  },
  "jason.compson@example.com": {
    status: "LOCKED",
    reason: "Unusual sign-ins under review (SEC-311)",
    terminateSessions: true,
  },
  "dilsey.gibson@example.com": {
    status: "DISABLED",
    reason: "Left the household staff (HR-88)",
    terminateSessions: true,
  },
};

/** Each account's status in ScaiKey after `pulumi up`. */
export const statuses: Record<string, pulumi.Output<string>> = {};

for (const [user, { status, reason, terminateSessions }] of Object.entries(accounts)) {
  const account = new scaikey.UserStatus(user, { user, status, reason, terminateSessions });
  statuses[user] = account.status;
}
