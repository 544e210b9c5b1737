import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type {
  ScaiKeyUserAttributesArgs,
  ScaiKeyUserAttributesOutputs,
} from "../../provider/scaikey/user-attributes-inputs";
import { IdentityResource } from "../identity-resource";
import { type InputArgs, withSecretOutputs } from "../input-args";

import userAttributesHandle = require("../../provider/handles/scaikey-user-attributes");

/**
 * `user` (the user's `usr_...` id or email, looked up once; changing it replaces the resource),
 * `tenantId` (default `identity:scaikeyTenant`), any of `email`, `username`, `firstName`,
 * `lastName`, `displayName`, `phone`, `locale`, `timezone`, `ouId`, `customAttributes`, and
 * `restoreOnDelete` (default false).
 */
export type UserAttributesArgs = InputArgs<z.input<typeof ScaiKeyUserAttributesArgs>>;

type Outputs = ScaiKeyUserAttributesOutputs;

/**
 * Attributes of an existing ScaiKey tenant user: only those declared are managed, each custom
 * attribute on its own (`PATCH /api/v1/tenants/{tenant}/users/{user}`). ID: `tenantId/userId`.
 * Refresh reads the declared values back; delete leaves them, or puts back those found at creation
 * with `restoreOnDelete: true`.
 */
export class UserAttributes extends IdentityResource {
  declare readonly user: pulumi.Output<string>;
  declare readonly tenantId: pulumi.Output<string>;
  declare readonly email: pulumi.Output<Outputs["email"]>;
  declare readonly username: pulumi.Output<Outputs["username"]>;
  declare readonly firstName: pulumi.Output<Outputs["firstName"]>;
  declare readonly lastName: pulumi.Output<Outputs["lastName"]>;
  declare readonly displayName: pulumi.Output<Outputs["displayName"]>;
  declare readonly phone: pulumi.Output<Outputs["phone"]>;
  declare readonly locale: pulumi.Output<Outputs["locale"]>;
  declare readonly timezone: pulumi.Output<Outputs["timezone"]>;
  declare readonly ouId: pulumi.Output<Outputs["ouId"]>;
  declare readonly customAttributes: pulumi.Output<Outputs["customAttributes"]>;
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  declare readonly userId: pulumi.Output<string>;
  /** The declared values as found at creation (secret: copied from ScaiKey). */
  declare readonly originalValues: pulumi.Output<Outputs["originalValues"]>;

  constructor(name: string, args: UserAttributesArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      userAttributesHandle,
      "scaikey",
      "UserAttributes",
      name,
      {
        tenantId: undefined,
        email: undefined,
        username: undefined,
        firstName: undefined,
        lastName: undefined,
        displayName: undefined,
        phone: undefined,
        locale: undefined,
        timezone: undefined,
        ouId: undefined,
        customAttributes: undefined,
        restoreOnDelete: undefined,
        userId: undefined,
        originalValues: undefined,
        ...args,
      },
      withSecretOutputs(opts, ["originalValues"]),
    );
  }
}
