import { outputForm } from "../lookup-output";
import { getUser, getUsers } from "./lookups";

// The Output forms of the ScaiKey lookups: Inputs in, an Output out, secret when an input is.

/** `getUser` taking Inputs: one user of the tenant, in full, by id or email. */
export const getUserOutput = outputForm(getUser);

/** `getUsers` taking Inputs: the tenant's users matching the filters, as list items. */
export const getUsersOutput = outputForm(getUsers);
