import assert from "node:assert/strict";
import { test } from "vitest";
import { readScaiKeyUsers } from "../../cli/import/read-scaikey";
import { readSecureframeUsers } from "../../cli/import/read-secureframe";
import { UserListItem, UserResponse } from "../../provider/scaikey/schemas";
import type { User as SecureframeUser } from "../../provider/secureframe/schemas";

// What the import declares of Secureframe and ScaiKey users: the values each has, as the
// resources read them back, sorted by email; what a resource cannot declare is left out, saying why.

async function* each<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const both = { status: true, attributes: true };

test("Secureframe: status and the attributes the user has, dates as the provider spells them", async () => {
  const users: SecureframeUser[] = [
    {
      id: "2",
      email: "quentin@example.com",
      active: false,
      employee_type: "employee",
      start_date: "1909-09-01",
      end_date: "1910-06-02",
      in_audit_scope: null,
    },
    {
      id: "1",
      email: "caddy@example.com",
      active: true,
      start_date: "1928-04-08T00:00:00Z",
      end_date: "1910-01-01",
    },
    { id: "3", email: "nobody@example.com" },
  ];
  const read = await readSecureframeUsers({ listUsers: () => each(users) }, both);
  assert.deepEqual(read.value, [
    {
      resourceName: "caddy@example.com",
      id: "1",
      email: "caddy@example.com",
      status: { active: true },
      attributes: { startDate: "1928-04-08T00:00:00.000Z" },
    },
    {
      resourceName: "quentin@example.com",
      id: "2",
      email: "quentin@example.com",
      status: { active: false },
      attributes: {
        employeeType: "employee",
        startDate: "1909-09-01T00:00:00.000Z",
        endDate: "1910-06-02T00:00:00.000Z",
      },
    },
  ]);
  assert.deepEqual(read.notes, [
    "Secureframe user caddy@example.com: endDate 1910-01-01T00:00:00.000Z left out: it is before startDate 1928-04-08T00:00:00.000Z",
    "Secureframe user nobody@example.com: no status (active is not set), so no secureframe.UserStatus",
  ]);

  const statusOnly = await readSecureframeUsers(
    { listUsers: () => each(users) },
    { status: true, attributes: false },
  );
  assert.ok(statusOnly.value.every((user) => user.attributes === undefined));
});

test("ScaiKey: settable statuses only; profile fields the resource would send back unchanged; never custom attributes", async () => {
  const full = [
    UserResponse.parse({
      id: "usr_b",
      email: "benjy@example.com",
      first_name: "Benjamin",
      locale: "en",
      status: "PENDING_APPROVAL",
      identity_source: "LOCAL",
      custom_attributes: { badge: "secret-badge-code" },
      created_at: "2024-01-01T00:00:00Z",
    }),
    UserResponse.parse({
      id: "usr_a",
      email: "jason@example.com",
      username: "jason",
      phone: "not a phone",
      status: "LOCKED",
      identity_source: "LOCAL",
      created_at: "2024-01-01T00:00:00Z",
    }),
  ];
  const client = {
    tenantId: "tnt_a24a8f641821b521082680b9",
    listUsers: () => each(full.map((user) => UserListItem.parse(user))),
    getUser: async (id: string) => {
      const user = full.find((u) => u.id === id);
      assert.ok(user);
      return user;
    },
  };
  const read = await readScaiKeyUsers(client, both);
  assert.deepEqual(read.value, [
    {
      resourceName: "benjy@example.com",
      id: "usr_b",
      email: "benjy@example.com",
      attributes: {
        email: "benjy@example.com",
        firstName: "Benjamin",
        locale: "en",
        timezone: "UTC",
      },
    },
    {
      resourceName: "jason@example.com",
      id: "usr_a",
      email: "jason@example.com",
      status: { status: "LOCKED" },
      attributes: { email: "jason@example.com", username: "jason", locale: "en", timezone: "UTC" },
    },
  ]);
  assert.ok(!JSON.stringify(read).includes("secret-badge-code"));
  assert.equal(read.notes.length, 2, read.notes.join("\n"));
  assert.match(
    read.notes[0] ?? "",
    /^ScaiKey user benjy@example\.com: status PENDING_APPROVAL left out: it is set by ScaiKey's sign-up flows/,
  );
  assert.match(
    read.notes[1] ?? "",
    /^ScaiKey user jason@example\.com: phone "not a phone" left out: /,
  );
});
