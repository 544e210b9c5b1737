import type * as pulumi from "@pulumi/pulumi";
import { spec as attributesSpec } from "../../provider/secureframe/user-attributes";
import { spec as statusSpec } from "../../provider/secureframe/user-status";
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

import attributesHandle = require("../../provider/handles/secureframe-user-attributes");
import statusHandle = require("../../provider/handles/secureframe-user-status");

export type UserAttributesArgs = InputArgs<UserAttributesArgValues>;
export interface UserAttributes extends OutputsOf<UserAttributesOutputs> {}

/**
 * Attributes of an existing Secureframe user: only those declared are managed (`PUT
 * /users/{id}`, values in the query string). ID: the user's Secureframe id. Refresh reads them
 * back; delete leaves them, or puts back those found at creation with `restoreOnDelete: true`.
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
 * Whether an existing Secureframe user is active (`PUT /users/{id}?active=...`). ID: the user's
 * Secureframe id. Refresh reads it back; delete leaves it, or puts back the value found at
 * creation with `restoreOnDelete: true`.
 */
export class UserStatus extends IdentityResource {
  constructor(name: string, args: UserStatusArgs, opts?: pulumi.CustomResourceOptions) {
    super(statusHandle, identityOf(statusSpec), name, args, opts);
  }
}
