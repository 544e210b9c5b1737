import type * as pulumi from "@pulumi/pulumi";
import { spec as attributesSpec } from "../../provider/scaikey/user-attributes";
import { spec as statusSpec } from "../../provider/scaikey/user-status";
import {
  IdentityResource,
  type InputArgs,
  identityOf,
  type OutputsOf,
  withSecretOutputs,
} from "../identity-resource";
import type {
  UserAttributesArgValues,
  UserAttributesOutputs,
  UserStatusArgValues,
  UserStatusOutputs,
} from "./types";

import attributesHandle = require("../../provider/handles/scaikey-user-attributes");
import statusHandle = require("../../provider/handles/scaikey-user-status");

export type UserAttributesArgs = InputArgs<UserAttributesArgValues>;
export interface UserAttributes extends OutputsOf<UserAttributesOutputs> {}

/**
 * Attributes of an existing ScaiKey tenant user: only those declared are managed, each custom
 * attribute on its own (`PATCH /api/v1/tenants/{tenant}/users/{user}`). ID: `tenantId/userId`.
 * Refresh reads the declared values back; delete leaves them, or puts back those found at
 * creation with `restoreOnDelete: true`.
 */
export class UserAttributes extends IdentityResource {
  constructor(name: string, args: UserAttributesArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      attributesHandle,
      identityOf(attributesSpec),
      name,
      args,
      withSecretOutputs(opts, ["originalValues"]),
    );
  }
}

export type UserStatusArgs = InputArgs<UserStatusArgValues>;
export interface UserStatus extends OutputsOf<UserStatusOutputs> {}

/**
 * The status of an existing ScaiKey tenant user: ACTIVE, DISABLED or LOCKED, set through the
 * status endpoint (unlocking resets failed sign-ins). ID: `tenantId/userId`. Refresh reads it
 * back; delete leaves it, or puts back the one found at creation with `restoreOnDelete: true`.
 */
export class UserStatus extends IdentityResource {
  constructor(name: string, args: UserStatusArgs, opts?: pulumi.CustomResourceOptions) {
    super(statusHandle, identityOf(statusSpec), name, args, opts);
  }
}
