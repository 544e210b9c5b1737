import { z } from "zod";
import { quote } from "../resource";

const notAUsername = (input: unknown) =>
  input === undefined
    ? `required: the user's ASA username, e.g. "Jason.Compson.IV"`
    : `${quote(input)} is not a username; give the user's ASA username, e.g. "Jason.Compson.IV"`;

/** The user's username, ASA's key for users: trimmed, never case-folded (ASA is case-sensitive). */
export const userUsernameArg = z
  .string({ error: (iss) => notAUsername(iss.input) })
  .refine((name) => name.trim() !== "" && !name.includes("/"))
  .transform((name) => name.trim());
