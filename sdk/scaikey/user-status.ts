import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type {
  ScaiKeyUserStatusArgs,
  ScaiKeyUserStatusOutputs,
} from "../../provider/scaikey/user-status-inputs";
import { IdentityResource } from "../identity-resource";
import type { InputArgs } from "../input-args";

import userStatusHandle = require("../../provider/handles/scaikey-user-status");

/**
 * `user` (the user's `usr_...` id or email, looked up once; changing it replaces the resource),
 * `tenantId` (default `identity:scaikeyTenant`), `status` (ACTIVE, DISABLED or LOCKED), `reason`
 * and `terminateSessions` (sent with a status change), `restoreOnDelete` (default false).
 */
export type UserStatusArgs = InputArgs<z.input<typeof ScaiKeyUserStatusArgs>>;

/**
 * The status of an existing ScaiKey tenant user (`PUT .../users/{user}/status`; an unlock the
 * status endpoint refuses goes through the administration API's unlock). ID: `tenantId/userId`.
 * Refresh reads the status back; delete leaves it, or puts back the one found at creation with
 * `restoreOnDelete: true`.
 */
export class UserStatus extends IdentityResource {
  declare readonly user: pulumi.Output<string>;
  declare readonly tenantId: pulumi.Output<string>;
  declare readonly status: pulumi.Output<ScaiKeyUserStatusOutputs["status"]>;
  declare readonly reason: pulumi.Output<string | undefined>;
  declare readonly terminateSessions: pulumi.Output<boolean>;
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  declare readonly userId: pulumi.Output<string>;
  /** The status found at creation. */
  declare readonly originalValues: pulumi.Output<ScaiKeyUserStatusOutputs["originalValues"]>;

  constructor(name: string, args: UserStatusArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userStatusHandle,
      "scaikey",
      "UserStatus",
      name,
      {
        tenantId: undefined,
        reason: undefined,
        terminateSessions: undefined,
        restoreOnDelete: undefined,
        userId: undefined,
        originalValues: undefined,
        ...args,
      },
      opts,
    );
  }
}
