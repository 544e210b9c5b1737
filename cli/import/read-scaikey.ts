import type { ScaiKeyClient } from "../../provider/scaikey/client";
import type { UserListItem } from "../../provider/scaikey/schemas";
import { FIELDS } from "../../provider/scaikey/user-adapter";
import { ScaiKeyUserAttributesArgs } from "../../provider/scaikey/user-attributes";
import { SETTABLE_STATUSES } from "../../provider/scaikey/user-status";
import { declarable } from "./importable";
import { byCodeUnit, type ImportedScaiKeyUser, type ReadResult } from "./model";
import type { UserParts } from "./options";
import { mapLimited } from "./parallel";
import { resourceName } from "./resource-names";

const CONCURRENCY = 10;

/**
 * Every user of the tenant as scaikey.UserStatus and scaikey.UserAttributes would declare them.
 * Statuses set by ScaiKey's sign-up flows (PENDING_*) cannot be declared and are left out;
 * attributes are the profile fields the user has (each user read in full, one request each).
 * Custom attributes are never imported: they are free-form and may hold anything, secrets too;
 * declare the ones you manage by hand.
 */
export async function readScaiKeyUsers(
  client: Pick<ScaiKeyClient, "listUsers" | "getUser" | "tenantId">,
  parts: UserParts,
): Promise<ReadResult<ImportedScaiKeyUser[]>> {
  const notes: string[] = [];
  const items: UserListItem[] = [];
  for await (const item of client.listUsers()) items.push(item);
  const full = parts.attributes
    ? await mapLimited(items, CONCURRENCY, (item) => client.getUser(item.id))
    : [];
  const users = items.map((item, i) => {
    const who = `ScaiKey user ${item.email}`;
    const entry: ImportedScaiKeyUser = {
      resourceName: resourceName(item.email),
      id: item.id,
      email: item.email,
    };
    if (parts.status) {
      const status = SETTABLE_STATUSES.find((s) => s === item.status);
      if (status) entry.status = { status };
      else
        notes.push(
          `${who}: status ${item.status} left out: it is set by ScaiKey's sign-up flows, not by an administrator`,
        );
    }
    const user = full[i];
    if (user) {
      const attributes: Record<string, string> = {};
      const values = FIELDS.valuesOf(user);
      for (const field of FIELDS.names) {
        const value = values[field];
        if (typeof value !== "string") continue;
        const verdict = declarable(ScaiKeyUserAttributesArgs.shape[field], value);
        if (verdict.ok) attributes[field] = value;
        else notes.push(`${who}: ${field} ${JSON.stringify(value)} left out: ${verdict.reason}`);
      }
      if (Object.keys(attributes).length > 0) entry.attributes = attributes;
    }
    return entry;
  });
  return {
    value: users
      .filter((user) => user.status || user.attributes)
      .sort((a, b) => byCodeUnit(a.email, b.email) || byCodeUnit(a.id, b.id)),
    notes,
  };
}
