import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type {
  AsaUserStatusArgs,
  AsaUserStatusOutputs,
} from "../../provider/asa/user-status-inputs";
import { IdentityResource } from "../identity-resource";
import type { InputArgs } from "../input-args";

import userStatusHandle = require("../../provider/handles/asa-user-status");

/**
 * `username` (case-sensitive; changing it replaces the resource), `team` (default
 * `identity:asaTeam`), `status` (ACTIVE or DISABLED; DELETED needs `allowDelete: true`),
 * `allowDelete` (default false), `restoreOnDelete` (default false).
 */
export type UserStatusArgs = InputArgs<z.input<typeof AsaUserStatusArgs>>;

/**
 * The status of an existing Okta ASA user (`PUT /v1/teams/{team}/users/{user}`). ID:
 * `team/username`. Refresh reads the status back; delete leaves it, or puts back the one found at
 * creation with `restoreOnDelete: true`. DELETED ends the user for good: ASA cannot undo it.
 */
export class UserStatus extends IdentityResource {
  declare readonly username: pulumi.Output<string>;
  declare readonly team: pulumi.Output<string>;
  declare readonly status: pulumi.Output<AsaUserStatusOutputs["status"]>;
  declare readonly allowDelete: pulumi.Output<boolean>;
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  /** The user's ASA id (a UUID). */
  declare readonly userId: pulumi.Output<string>;
  /** The status found at creation. */
  declare readonly originalValues: pulumi.Output<AsaUserStatusOutputs["originalValues"]>;

  constructor(name: string, args: UserStatusArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userStatusHandle,
      "asa",
      "UserStatus",
      name,
      {
        team: undefined,
        allowDelete: undefined,
        restoreOnDelete: undefined,
        userId: undefined,
        originalValues: undefined,
        ...args,
      },
      opts,
    );
  }
}
