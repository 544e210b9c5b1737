import { outputForm } from "../lookup-output";
import { getUser, getUsers } from "./lookups";

// The Output forms of the Secureframe lookups: Inputs in, an Output out, secret when an input is.

/** `getUser` taking Inputs: one user, by id or email. */
export const getUserOutput = outputForm(getUser);

/** `getUsers` taking Inputs: the users matching `q`. */
export const getUsersOutput = outputForm(getUsers);
