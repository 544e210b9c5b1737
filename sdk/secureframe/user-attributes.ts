import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type {
  SecureframeUserAttributesArgs,
  SecureframeUserAttributesOutputs,
} from "../../provider/secureframe/user-attributes-inputs";
import { IdentityResource } from "../identity-resource";
import { type InputArgs, withSecretOutputs } from "../input-args";

import userAttributesHandle = require("../../provider/handles/secureframe-user-attributes");

/**
 * `user` (the Secureframe id or email, looked up once; changing it replaces the resource), any of
 * `employeeType`, `startDate`, `endDate` (ISO 8601; null clears), `inAuditScope`, and
 * `restoreOnDelete` (default false).
 */
export type UserAttributesArgs = InputArgs<z.input<typeof SecureframeUserAttributesArgs>>;

type Outputs = SecureframeUserAttributesOutputs;

/**
 * Attributes of an existing Secureframe user: only those declared are managed (`PUT /users/{id}`,
 * values in the query string). ID: the user's Secureframe id. Refresh reads the declared values
 * back; delete leaves them, or puts back those found at creation with `restoreOnDelete: true`.
 */
export class UserAttributes extends IdentityResource {
  declare readonly user: pulumi.Output<string>;
  declare readonly employeeType: pulumi.Output<Outputs["employeeType"]>;
  /** As an ISO 8601 instant, e.g. `2024-01-15T00:00:00.000Z`. */
  declare readonly startDate: pulumi.Output<Outputs["startDate"]>;
  declare readonly endDate: pulumi.Output<Outputs["endDate"]>;
  declare readonly inAuditScope: pulumi.Output<Outputs["inAuditScope"]>;
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  declare readonly userId: pulumi.Output<string>;
  /** The declared values as found at creation (secret: copied from Secureframe). */
  declare readonly originalValues: pulumi.Output<Outputs["originalValues"]>;

  constructor(name: string, args: UserAttributesArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userAttributesHandle,
      "secureframe",
      "UserAttributes",
      name,
      {
        employeeType: undefined,
        startDate: undefined,
        endDate: undefined,
        inAuditScope: undefined,
        restoreOnDelete: undefined,
        userId: undefined,
        originalValues: undefined,
        ...args,
      },
      withSecretOutputs(opts, ["originalValues"]),
    );
  }
}
