import { unlessNotFound } from "../errors";

/** An API whose users are reached by id, and found by email address. */
export interface UsersByIdOrEmail<U> {
  getUser(id: string): Promise<U>;
  findUserByEmail(email: string): Promise<U | undefined>;
}

/** `{ email }` when the stored `user` is an email address (not an id), for messages naming the user. */
export function emailGiven(user: unknown): { email?: string } {
  return typeof user === "string" && user.includes("@") ? { email: user } : {};
}

/** The user with this id or email address (an `@` tells them apart), or undefined when there is none. */
export async function findByIdOrEmail<U>(
  api: UsersByIdOrEmail<U>,
  idOrEmail: string,
): Promise<U | undefined> {
  return idOrEmail.includes("@")
    ? api.findUserByEmail(idOrEmail)
    : unlessNotFound(api.getUser(idOrEmail));
}
