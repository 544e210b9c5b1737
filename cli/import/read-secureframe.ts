import type { SecureframeClient } from "../../provider/secureframe/client";
import { valuesOf } from "../../provider/secureframe/user-adapter";
import {
  ATTRIBUTE_NAMES,
  SecureframeUserAttributesArgs,
} from "../../provider/secureframe/user-attributes";
import { declarable } from "./importable";
import {
  byCodeUnit,
  type ImportedSecureframeUser,
  type ReadResult,
  type SecureframeValues,
} from "./model";
import type { UserParts } from "./options";
import { resourceName } from "./resource-names";

/**
 * Every Secureframe user as secureframe.UserStatus (`active`) and secureframe.UserAttributes would
 * declare them. Only values the user has are declared (a null one stays unmanaged), each as the
 * provider reads it back; values the resource cannot set (employee type "workspace") are left
 * out with a note.
 */
export async function readSecureframeUsers(
  client: Pick<SecureframeClient, "listUsers">,
  parts: UserParts,
): Promise<ReadResult<ImportedSecureframeUser[]>> {
  const notes: string[] = [];
  const users: ImportedSecureframeUser[] = [];
  for await (const user of client.listUsers()) {
    const values = valuesOf(user);
    const who = `Secureframe user ${user.email}`;
    const entry: ImportedSecureframeUser = {
      resourceName: resourceName(user.email),
      id: user.id,
      email: user.email,
    };
    if (parts.status) {
      if (typeof values.active === "boolean") entry.status = { active: values.active };
      else notes.push(`${who}: no status (active is not set), so no secureframe.UserStatus`);
    }
    if (parts.attributes) {
      const attributes: Record<string, unknown> = {};
      for (const field of ATTRIBUTE_NAMES) {
        const value = values[field];
        if (value === null || value === undefined) continue;
        const verdict = declarable(SecureframeUserAttributesArgs.shape[field], value);
        if (verdict.ok) attributes[field] = value;
        else notes.push(`${who}: ${field} ${JSON.stringify(value)} left out: ${verdict.reason}`);
      }
      const { startDate, endDate } = attributes;
      if (typeof startDate === "string" && typeof endDate === "string" && endDate < startDate) {
        notes.push(`${who}: endDate ${endDate} left out: it is before startDate ${startDate}`);
        delete attributes.endDate;
      }
      if (Object.keys(attributes).length > 0) entry.attributes = attributes as SecureframeValues;
    }
    if (entry.status || entry.attributes) users.push(entry);
  }
  return {
    value: users.sort((a, b) => byCodeUnit(a.email, b.email) || byCodeUnit(a.id, b.id)),
    notes,
  };
}
