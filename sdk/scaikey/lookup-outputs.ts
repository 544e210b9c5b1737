import type * as pulumi from "@pulumi/pulumi";
import { type InputOptions, lookupOutput } from "../lookup-output";
import { type GetUsersOptions, getUser, getUsers, type ScaiKeyLookupOptions } from "./lookups";
import type { ScaiKeyUserListItem as UserListItem, ScaiKeyUser as UserResponse } from "./types";

// The Output forms of the ScaiKey lookups: Inputs in, an Output out, secret when an input is.

/** `getUser` taking Inputs: one user of the tenant, in full, by id or email. */
export function getUserOutput(
  idOrEmail: pulumi.Input<string>,
  options?: InputOptions<ScaiKeyLookupOptions>,
): pulumi.Output<UserResponse> {
  return lookupOutput(getUser, [idOrEmail, options]);
}

/** `getUsers` taking Inputs: the tenant's users matching the filters, as list items. */
export function getUsersOutput(
  options?: InputOptions<GetUsersOptions>,
): pulumi.Output<UserListItem[]> {
  return lookupOutput(getUsers, [options]);
}
