import assert from "node:assert/strict";
import { beforeAll, describe, test } from "vitest";
import { configure } from "../../provider/config";
import { ApiError } from "../../provider/errors";
import { UNKNOWN } from "../../provider/resource";
import type { User, UserUpdate } from "../../provider/secureframe/schemas";
import type { SecureframeUserApi } from "../../provider/secureframe/user-adapter";
import { spec as attributesSpec } from "../../provider/secureframe/user-attributes";
import { spec as statusSpec } from "../../provider/secureframe/user-status";
import { checked, checkReasons, create, rejection, useEmulator } from "./fixture";

// secureframe.UserAttributes and secureframe.UserStatus at their edges, in process: accounts
// (named key pairs), what a diff replaces, state that names the user by its id only, how users
// are named in errors, what restoreOnDelete cannot put back, and answers the emulator never
// gives (through a fake Secureframe).

const emulator = useEmulator();
const jason = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
const benjy = "1ccce84a-77ee-4b97-9a00-a15e31c001d7";
const jasonEmail = "jason.compson@example.com";
const readOnly = { key: "sfk_audit_read_only", secret: "sfs_audit_read_only" };

/** identity:secureframeAccounts as the stack config would hold it. */
function configureAccounts(value: string) {
  const config = new Map([["identity:secureframeAccounts", value]]);
  return configure({ config: { get: (key: string) => config.get(key), require: () => "" } });
}
/** "uk": the demo key pair; "audit": a read-only one (loaded by `addReadOnlyKey`). */
const accounts = () =>
  JSON.stringify({
    uk: { ...emulator().credentials.secureframe, baseUrl: emulator().secureframeUrl },
    audit: {
      apiKey: readOnly.key,
      apiSecret: readOnly.secret,
      baseUrl: emulator().secureframeUrl,
    },
  });
async function addReadOnlyKey() {
  const data = emulator().data();
  data.secureframe.api_keys.push({ key: readOnly.key, secret: readOnly.secret, read_only: true });
  await emulator().control.loadData(data);
}

// After useEmulator's configuration, which gives the single key pair: both are configured.
beforeAll(() => configureAccounts(accounts()));

/** A Secureframe holding one user, Jason, as `user` says; its updates do what they ask. */
function fakeSecureframe(user: Partial<User>) {
  let seen: User = { id: jason, email: jasonEmail, ...user };
  const updates: UserUpdate[] = [];
  const api: SecureframeUserApi = {
    getUser: async () => seen,
    findUserByEmail: async () => seen,
    async updateUser(_id, update) {
      updates.push(update);
      seen = { ...seen, ...(update as Partial<User>) };
      return seen;
    },
  };
  return { api, updates };
}

describe("account: which key pair reaches the user", () => {
  const provider = statusSpec.provider();

  test("an account with no key pair fails at check on account; a configured one, or none, passes", async () => {
    const reasons = await checkReasons(provider, { user: jason, active: true, account: "eu" });
    assert.equal(reasons.length, 1);
    assert.match(
      reasons[0] ?? "",
      /^account: No credentials for Secureframe account "eu": the accounts with credentials are "uk" \(identity:secureframeAccounts\.uk\), "audit" \(identity:secureframeAccounts\.audit\)\./,
    );
    assert.deepEqual(
      await checkReasons(provider, { user: jason, active: true, account: "uk" }),
      [],
    );
    assert.deepEqual(await checkReasons(provider, { user: jason, active: true }), []);
  });

  test("an account not known yet (preview) is not checked for a key pair", async () => {
    const inputs = await checked(provider, { user: jason, active: true, account: UNKNOWN });
    assert.equal(inputs.account, UNKNOWN);
  });

  test("the account is trimmed; a blank or non-string one gets its own message only", async () => {
    const inputs = await checked(provider, { user: jason, active: true, account: " uk " });
    assert.equal(inputs.account, "uk");
    for (const account of ["", "   "]) {
      assert.deepEqual(await checkReasons(provider, { user: jason, active: true, account }), [
        "account: must not be empty: leave account out to use identity:secureframeApiKey",
      ]);
    }
    assert.deepEqual(await checkReasons(provider, { user: jason, active: true, account: 44 }), [
      'account: must be the name of an account in identity:secureframeAccounts, e.g. "uk", not 44',
    ]);
  });

  test("an account with no key pair is named alongside another argument's failure", async () => {
    const reasons = await checkReasons(provider, { user: jason, active: "no", account: "eu" });
    assert.equal(reasons.length, 2);
    assert.match(reasons[0] ?? "", /^active: must be true or false/);
    assert.match(reasons[1] ?? "", /^account: No credentials for Secureframe account "eu"/);
  });

  test("a malformed identity:secureframeAccounts fails a resource without account too, on no argument", async () => {
    await configureAccounts(JSON.stringify({ uk: "sfk_uk" }));
    try {
      const reasons = await checkReasons(provider, { user: jason, active: true });
      assert.equal(reasons.length, 1);
      assert.match(
        reasons[0] ?? "",
        /^identity:secureframeAccounts \(stack config\) is not as expected: "uk" must be an object/,
      );
    } finally {
      await configureAccounts(accounts());
    }
  });

  test("the account's key pair makes the calls, and the refusal names the account", async () => {
    await addReadOnlyKey();
    const attributes = attributesSpec.provider();
    const err = await rejection(
      create(attributes, { user: jasonEmail, account: "audit", employeeType: "contractor" }),
    );
    assert.match(
      err.message,
      /^Secureframe refused to change Secureframe user 1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d \(jason\.compson@example\.com\) of account "audit" \(employeeType "employee" → "contractor"\): HTTP 403/,
    );
    // The same change without the account uses identity:secureframeApiKey, which may write.
    await create(attributes, { user: jasonEmail, employeeType: "contractor" });
    assert.equal((await emulator().control.secureframe.user(jason)).employee_type, "contractor");
  });
});

describe("what a diff replaces", () => {
  const provider = statusSpec.provider();
  const made = () => create(provider, { user: jasonEmail, account: "uk", active: true });
  const diff = async (news: Record<string, unknown>) => {
    const { id, outs } = await made();
    return provider.diff?.(id, outs, { active: true, restoreOnDelete: false, ...news });
  };

  test("the same user given by the id the email resolved to, in the same account, is not replaced", async () => {
    assert.deepEqual(await diff({ user: jason, account: "uk" }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await diff({ user: jasonEmail, account: "uk" }), {
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("another account, no account, or one not known yet is another user: a replacement, deleted first", async () => {
    const replacing = (replaces: string[]) => ({
      changes: true,
      replaces,
      deleteBeforeReplace: true,
    });
    assert.deepEqual(await diff({ user: jasonEmail, account: "audit" }), replacing(["account"]));
    assert.deepEqual(await diff({ user: jasonEmail }), replacing(["account"]));
    assert.deepEqual(await diff({ user: jasonEmail, account: UNKNOWN }), replacing(["account"]));
    assert.deepEqual(await diff({ user: benjy, account: "uk" }), replacing(["user"]));
    assert.deepEqual(await diff({ user: benjy, account: "audit" }), replacing(["user", "account"]));
  });
});

describe("state that names the user by its id only", () => {
  const provider = statusSpec.provider();

  test("read from the id alone (as pulumi import does) finds the user, and reads back only what the state declares", async () => {
    await emulator().control.secureframe.updateUser(jason, { active: false });
    assert.deepEqual(await provider.read?.(jason, {}), { id: jason, props: {}, inputs: {} });
    assert.deepEqual(await provider.read?.(jason, { active: true, restoreOnDelete: false }), {
      id: jason,
      props: { active: false, restoreOnDelete: false },
      inputs: { active: false, restoreOnDelete: false },
    });
  });

  test("the user the outputs name is read, whatever the resource id says", async () => {
    const outs = {
      user: jason,
      active: true,
      restoreOnDelete: false,
      userId: jason,
      originalValues: { active: true },
    };
    await emulator().control.secureframe.updateUser(jason, { active: false });
    assert.deepEqual(await provider.read?.("imported-jason", outs), {
      id: "imported-jason",
      props: { ...outs, active: false },
      inputs: { user: jason, active: false, restoreOnDelete: false },
    });
  });
});

describe("how a user is named in errors", () => {
  const provider = attributesSpec.provider();
  const hint =
    "no longer exists; run `pulumi refresh` to drop secureframe.UserAttributes from the stack, then `pulumi up`.";
  const updateAfterDeletion = async (args: Record<string, unknown>) => {
    const { id, outs } = await create(provider, { ...args, employeeType: "employee" });
    await emulator().control.secureframe.deleteUser(jason);
    const inputs = await checked(provider, { ...args, employeeType: "contractor" });
    return (await rejection(Promise.resolve(provider.update?.(id, outs, inputs)))).message;
  };

  test("by id, with the email when the program gave one, and the account when it named one", async () => {
    assert.equal(await updateAfterDeletion({ user: jason }), `Secureframe user ${jason} ${hint}`);
    await emulator().control.reset();
    assert.equal(
      await updateAfterDeletion({ user: jasonEmail }),
      `Secureframe user ${jason} (${jasonEmail}) ${hint}`,
    );
    await emulator().control.reset();
    assert.equal(
      await updateAfterDeletion({ user: jasonEmail, account: "uk" }),
      `Secureframe user ${jason} (${jasonEmail}) of account "uk" ${hint}`,
    );
  });

  test("an id is a whole UUID: one with more around it names no user", async () => {
    const reason = (user: string) =>
      `user: ${JSON.stringify(user)} names no Secureframe user; give the user's id (a UUID like "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d") or email address (e.g. "jason.compson@example.com")`;
    for (const user of [`x${jason}`, `${jason}0`]) {
      assert.deepEqual(await checkReasons(provider, { user, employeeType: "employee" }), [
        reason(user),
      ]);
    }
  });
});

describe("which API errors are refusals", () => {
  const failing = (status: number) =>
    attributesSpec.provider(() => ({
      ...fakeSecureframe({ employee_type: "employee" }).api,
      async updateUser() {
        throw new ApiError({ api: "secureframe", method: "PUT", path: `/users/${jason}`, status });
      },
    }));

  test("400, 403, 409 and 422 say Secureframe refused the change; 404 and 429 come through as they are", async () => {
    for (const status of [400, 403, 409, 422]) {
      const err = await rejection(
        create(failing(status), { user: jason, employeeType: "auditor" }),
      );
      assert.equal(
        err.message,
        `Secureframe refused to change Secureframe user ${jason} (${jasonEmail}) (employeeType "employee" → "auditor"): HTTP ${status}`,
      );
    }
    for (const status of [404, 429]) {
      const err = await rejection(
        create(failing(status), { user: jason, employeeType: "auditor" }),
      );
      assert.ok(err instanceof ApiError, String(err));
      assert.equal(err.status, status);
    }
  });
});

describe("dates", () => {
  const provider = attributesSpec.provider();
  const reasons = (args: Record<string, unknown>) =>
    checkReasons(provider, { user: jason, ...args });

  test("a date-time with an offset is the instant it names", async () => {
    const inputs = await checked(provider, { user: jason, startDate: "2024-01-15T09:00:00+02:00" });
    assert.equal(inputs.startDate, "2024-01-15T07:00:00.000Z");
  });

  test("an end date on or after the start date is fine", async () => {
    assert.deepEqual(await reasons({ startDate: "2024-01-15", endDate: "2024-12-31" }), []);
    assert.deepEqual(await reasons({ startDate: "2024-01-15", endDate: "2024-01-15" }), []);
  });

  test("a date that is not a string says what to write", async () => {
    assert.deepEqual(await reasons({ startDate: 20240115 }), [
      'startDate: must be an ISO 8601 date such as "2024-01-15" or "2024-01-15T09:00:00Z", or null to clear it; not 20240115',
    ]);
  });

  test("a start date that is itself wrong gets its message only, not one about the order", async () => {
    assert.deepEqual(await reasons({ startDate: "2024-02-01T00:00:00", endDate: "2024-01-31" }), [
      'startDate: "2024-02-01T00:00:00" is not an ISO 8601 date; write it like "2024-01-15" or "2024-01-15T09:00:00Z" (a time needs Z or an offset such as +02:00)',
    ]);
  });

  test("a date Secureframe gives as an empty string is no date: declaring null sends nothing", async () => {
    const { api, updates } = fakeSecureframe({ start_date: "", employee_type: "employee" });
    const fake = attributesSpec.provider(() => api);
    const { id, outs } = await create(fake, { user: jason, startDate: null });
    assert.deepEqual(updates, []);
    assert.deepEqual(outs.originalValues, { startDate: null });
    assert.equal((await fake.read?.(id, outs))?.props?.startDate, null);
  });
});

describe("what restoreOnDelete cannot put back", () => {
  test("an employee type the API cannot set (none, or one it has added since) is refused at create", async () => {
    const message = (found: string) =>
      `secureframe.UserAttributes: restoreOnDelete could not put back employeeType ${found} found on Secureframe user ${jason} (${jasonEmail}): Secureframe's API cannot set employee_type to ${found}; remove restoreOnDelete to manage it without putting it back.`;
    for (const [type, found] of [
      [null, "null"],
      ["intern", '"intern"'],
    ] as const) {
      const { api, updates } = fakeSecureframe({ employee_type: type, start_date: null });
      const provider = attributesSpec.provider(() => api);
      const args = { user: jasonEmail, employeeType: "contractor", startDate: "2024-01-15" };
      const err = await rejection(create(provider, { ...args, restoreOnDelete: true }));
      assert.equal(err.message, message(found));
      assert.deepEqual(updates, [], "nothing changed");
      // Without restoreOnDelete the values are managed; a start date found null restores fine.
      await create(provider, args);
      assert.equal(updates.length, 1);
    }
    const { api } = fakeSecureframe({ employee_type: "employee", start_date: null });
    const restorable = attributesSpec.provider(() => api);
    const made = await create(restorable, {
      user: jasonEmail,
      startDate: "2024-01-15",
      restoreOnDelete: true,
    });
    assert.deepEqual(made.outs.originalValues, { startDate: null });
  });

  test("active found unset is refused at create, since the API cannot leave it unset", async () => {
    const { api, updates } = fakeSecureframe({ active: null });
    const provider = statusSpec.provider(() => api);
    const err = await rejection(
      create(provider, { user: jasonEmail, active: false, restoreOnDelete: true }),
    );
    assert.equal(
      err.message,
      `secureframe.UserStatus: restoreOnDelete could not put back active null found on Secureframe user ${jason} (${jasonEmail}): Secureframe's API cannot leave active unset; remove restoreOnDelete to manage it without putting it back.`,
    );
    assert.deepEqual(updates, []);
    await create(provider, { user: jasonEmail, active: false });
    assert.deepEqual(updates, [{ active: false }]);
  });

  test("the values found at creation are kept as a secret in the state", () => {
    assert.deepEqual(attributesSpec.secretOutputs, ["originalValues"]);
  });
});
