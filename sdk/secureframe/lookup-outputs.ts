import type * as pulumi from "@pulumi/pulumi";
import { type InputOptions, lookupOutput } from "../lookup-output";
import { type GetUsersOptions, getUser, getUsers, type SecureframeLookupOptions } from "./lookups";
import type { SecureframeUser as User } from "./types";

// The Output forms of the Secureframe lookups: Inputs in, an Output out, secret when an input is.

/** `getUser` taking Inputs: one user, by id or email. */
export function getUserOutput(
  idOrEmail: pulumi.Input<string>,
  options?: InputOptions<SecureframeLookupOptions>,
): pulumi.Output<User> {
  return lookupOutput(getUser, [idOrEmail, options]);
}

/** `getUsers` taking Inputs: the users matching `q`. */
export function getUsersOutput(options?: InputOptions<GetUsersOptions>): pulumi.Output<User[]> {
  return lookupOutput(getUsers, [options]);
}
