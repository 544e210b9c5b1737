import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type {
  SecureframeUserStatusArgs,
  SecureframeUserStatusOutputs,
} from "../../provider/secureframe/user-status-inputs";
import { IdentityResource } from "../identity-resource";
import type { InputArgs } from "../input-args";

import userStatusHandle = require("../../provider/handles/secureframe-user-status");

/**
 * `user` (the Secureframe id or email, looked up once; changing it replaces the resource),
 * `active`, `restoreOnDelete` (default false).
 */
export type UserStatusArgs = InputArgs<z.input<typeof SecureframeUserStatusArgs>>;

/**
 * Whether an existing Secureframe user is active (`PUT /users/{id}?active=...`). ID: the user's
 * Secureframe id. Refresh reads it back; delete leaves it, or puts back the value found at
 * creation with `restoreOnDelete: true`.
 */
export class UserStatus extends IdentityResource {
  declare readonly user: pulumi.Output<string>;
  declare readonly active: pulumi.Output<boolean>;
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  declare readonly userId: pulumi.Output<string>;
  /** The value found at creation. */
  declare readonly originalValues: pulumi.Output<SecureframeUserStatusOutputs["originalValues"]>;

  constructor(name: string, args: UserStatusArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userStatusHandle,
      "secureframe",
      "UserStatus",
      name,
      { restoreOnDelete: undefined, userId: undefined, originalValues: undefined, ...args },
      opts,
    );
  }
}
