import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type {
  AsaUserAttributesArgs,
  AsaUserAttributesOutputs,
} from "../../provider/asa/user-attributes-inputs";
import { IdentityResource } from "../identity-resource";
import { type InputArgs, withSecretOutputs } from "../input-args";

import userAttributesHandle = require("../../provider/handles/asa-user-attributes");

/**
 * `username` (case-sensitive; changing it replaces the resource), `team` (default
 * `identity:asaTeam`), `details` (any of firstName, lastName, fullName, email; null clears one),
 * `restoreOnDelete` (default false).
 */
export type UserAttributesArgs = InputArgs<z.input<typeof AsaUserAttributesArgs>>;

/**
 * The details of an existing Okta ASA user: only those declared are managed (`PUT
 * /v1/teams/{team}/users/{user}`). ID: `team/username`. Refresh reads the declared details back;
 * delete leaves them, or puts back those found at creation with `restoreOnDelete: true`.
 * Never creates nor deletes the user.
 */
export class UserAttributes extends IdentityResource {
  declare readonly username: pulumi.Output<string>;
  declare readonly team: pulumi.Output<string>;
  declare readonly details: pulumi.Output<AsaUserAttributesOutputs["details"]>;
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  /** The user's ASA id (a UUID). */
  declare readonly userId: pulumi.Output<string>;
  /** The declared details as found at creation (secret: copied from ASA). */
  declare readonly originalValues: pulumi.Output<AsaUserAttributesOutputs["originalValues"]>;

  constructor(name: string, args: UserAttributesArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userAttributesHandle,
      "asa",
      "UserAttributes",
      name,
      {
        team: undefined,
        restoreOnDelete: undefined,
        userId: undefined,
        originalValues: undefined,
        ...args,
      },
      withSecretOutputs(opts, ["originalValues"]),
    );
  }
}
