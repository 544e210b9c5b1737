import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { CheckOutcome, Inputs } from "../resource";
import { sameUserRef } from "../users/args";
import { userResourceProvider, type Values } from "../users/user-resource";
import type { UserUpdate } from "./schemas";
import {
  describeSecureframeUser,
  findSecureframeUser,
  locateSecureframeUser,
  type SecureframeUserClients,
  secureframeUserOutputs,
  secureframeUserTargetOf,
  USER_FIELDS,
  type UserFieldName,
  valuesOf,
} from "./user-target";

export interface SecureframeUserResource {
  resource: string;
  args: z.ZodObject;
  /** The fields the resource manages. */
  fields: readonly UserFieldName[];
  refine?(outcome: CheckOutcome): CheckOutcome;
  unrestorable?(key: string, value: unknown): string | undefined;
  clients: SecureframeUserClients;
}

/** What both Secureframe user resources do: `PUT /users/{id}` with the changes in the query string. */
export function secureframeUserProvider(
  options: SecureframeUserResource,
): pulumi.dynamic.ResourceProvider {
  const { clients, fields } = options;
  const declared = (args: Inputs): Values =>
    Object.fromEntries(fields.filter((name) => name in args).map((name) => [name, args[name]]));
  return userResourceProvider({
    resource: options.resource,
    api: "secureframe",
    args: options.args,
    ...(options.refine ? { refine: options.refine } : {}),
    userFields: ["user"],
    sameUser: sameUserRef,
    declared,
    nest: (values) => values,
    async locate(inputs) {
      const { id, target, user } = await locateSecureframeUser(clients(), inputs);
      return { id, target, current: valuesOf(user) };
    },
    targetOf: secureframeUserTargetOf,
    outputsOf: secureframeUserOutputs,
    async fetch(target) {
      const user = await findSecureframeUser(clients(), target.userId);
      return user && valuesOf(user);
    },
    async apply({ target, changes }) {
      const update = Object.fromEntries(
        Object.entries(changes).map(([name, value]) => [USER_FIELDS[name as UserFieldName], value]),
      ) as UserUpdate;
      // The answer is the user after the update: the engine checks the change was made.
      return valuesOf(await clients().updateUser(target.userId, update));
    },
    ...(options.unrestorable ? { unrestorable: options.unrestorable } : {}),
    describe: describeSecureframeUser,
  });
}
