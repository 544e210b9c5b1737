import assert from "node:assert/strict";
import { describe, test, vi } from "vitest";
import { ApiError } from "../../provider/errors";
import type {
  ActionResult,
  UserResponse,
  UserStatusUpdate,
  UserUpdate,
} from "../../provider/scaikey/schemas";
import {
  defaultScaiKeyUserClients,
  type ScaiKeyUserApi,
} from "../../provider/scaikey/user-adapter";
import { spec as attributesSpec } from "../../provider/scaikey/user-attributes";
import { spec as statusSpec } from "../../provider/scaikey/user-status";
import { checked, create, rejection, up, useEmulator } from "./fixture";

// scaikey.UserAttributes and scaikey.UserStatus at their edges, in process: what a diff
// replaces, what is sent, state that names the user by its id only, how users are named in
// errors, and the status endpoint's refusals and answers (through a fake ScaiKey where the
// emulator never answers that way).

const emulator = useEmulator();
const tenant = "tnt_a24a8f641821b521082680b9";
const sartoris = "tnt_2a4e523cb2355df62fa7de67";
const jason = "usr_a0ef100cb9467317b1a26c4c";
const benjy = "usr_8a2dc590cbac6b1368aa5b48";
const caddy = "usr_d3fb355fbb0ab9e676a57880";
const jasonEmail = "jason.compson@example.com";

/** The emulator's ScaiKey, with the user changes and status changes the provider sends. */
function recorded() {
  const patches: UserUpdate[] = [];
  const statuses: UserStatusUpdate[] = [];
  const clients = (tenantId: string): ScaiKeyUserApi => {
    const real = defaultScaiKeyUserClients(tenantId);
    return {
      getUser: (id) => real.getUser(id),
      findUserByEmail: (email) => real.findUserByEmail(email),
      updateUser(id, patch) {
        patches.push(patch);
        return real.updateUser(id, patch);
      },
      updateUserStatus(id, update) {
        statuses.push(update);
        return real.updateUserStatus(id, update);
      },
      adminUnlockUser: (id) => real.adminUnlockUser(id),
    };
  };
  return { clients, patches, statuses };
}

/** A ScaiKey holding one user, Caddy, whose status endpoint answers with `answer`. */
function fakeScaiKey(
  status: UserResponse["status"],
  answer: (update: UserStatusUpdate) => ActionResult,
) {
  const calls: string[] = [];
  let current = status;
  const seen = () =>
    ({ id: caddy, email: "caddy.compson@example.com", status: current }) as UserResponse;
  const api: ScaiKeyUserApi = {
    getUser: async () => seen(),
    findUserByEmail: async () => seen(),
    updateUser: async () => seen(),
    async updateUserStatus(_id, update) {
      calls.push(`status ${update.status}`);
      return answer(update);
    },
    async adminUnlockUser() {
      calls.push("unlock");
      current = "ACTIVE";
      return { status: current };
    },
  };
  return { provider: statusSpec.provider(() => api), calls };
}

const refusedWith = (status: number) => () => {
  throw new ApiError({
    api: "scaikey",
    method: "PUT",
    path: `/api/v1/tenants/${tenant}/users/${caddy}/status`,
    status,
    apiMessage: "Not this way",
  });
};

describe("diff: which changes replace the resource", () => {
  const provider = attributesSpec.provider();

  test("another user or another tenant is a replacement, deleting first; the same user by the id its email resolved to is not", async () => {
    const args = { user: jasonEmail, displayName: "Jason Compson" };
    const { id, outs } = await create(provider, args);
    const diff = async (changed: Record<string, unknown>) =>
      provider.diff?.(id, outs, await checked(provider, { ...args, ...changed }));

    assert.deepEqual(await diff({}), { changes: false, replaces: [], deleteBeforeReplace: false });
    assert.deepEqual(await diff({ user: benjy }), {
      changes: true,
      replaces: ["user"],
      deleteBeforeReplace: true,
    });
    assert.deepEqual(await diff({ tenantId: sartoris }), {
      changes: true,
      replaces: ["tenantId"],
      deleteBeforeReplace: true,
    });
    assert.deepEqual(await diff({ user: benjy, tenantId: sartoris }), {
      changes: true,
      replaces: ["user", "tenantId"],
      deleteBeforeReplace: true,
    });
    assert.deepEqual(await diff({ user: jason }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });

    const { outs: after } = await up(provider, id, outs, { ...args, user: jason });
    assert.equal(after.user, jason);
    assert.equal(after.userId, jason);
  });
});

describe("what is sent to ScaiKey", () => {
  test("a field alone is sent alone; a custom attribute's change sends them all, the unmanaged ones as they are", async () => {
    const { clients, patches } = recorded();
    const provider = attributesSpec.provider(clients);
    const args = { user: jason, displayName: "Jason Compson" };
    const { id, outs } = await create(provider, args);
    await up(provider, id, outs, { ...args, customAttributes: { shift: "evening" } });
    assert.deepEqual(patches, [
      { display_name: "Jason Compson" },
      { custom_attributes: { employer: "Earl's hardware store", shift: "evening" } },
    ]);
  });

  test("removing the user's last custom attribute sends null", async () => {
    const { clients, patches } = recorded();
    await create(attributesSpec.provider(clients), {
      user: jason,
      customAttributes: { employer: null },
    });
    assert.deepEqual(patches, [{ custom_attributes: null }]);
    assert.equal((await emulator().control.scaikey.user(jason)).custom_attributes, null);
  });

  test("sessions are left alone unless terminateSessions says so", async () => {
    const { clients, statuses } = recorded();
    const { inputs, outs } = await create(statusSpec.provider(clients), {
      user: jason,
      status: "DISABLED",
    });
    assert.equal(inputs.terminateSessions, false);
    assert.equal(outs.terminateSessions, false);
    assert.deepEqual(statuses, [{ status: "DISABLED", terminate_sessions: false }]);
  });

  test("the values found at creation are kept as a secret in the state", () => {
    assert.deepEqual(attributesSpec.secretOutputs, ["originalValues"]);
  });
});

describe("state that names the user by its id only", () => {
  const provider = statusSpec.provider();

  test("read from the id alone (as pulumi import does) finds the user, and reads back only what the state declares", async () => {
    const id = `${tenant}/${jason}`;
    await emulator().control.scaikey.updateUser(jason, { status: "LOCKED" });
    assert.deepEqual(await provider.read?.(id, {}), { id, props: {}, inputs: {} });
    assert.deepEqual(await provider.read?.(id, { status: "ACTIVE", restoreOnDelete: false }), {
      id,
      props: { status: "LOCKED", restoreOnDelete: false },
      inputs: { status: "LOCKED", restoreOnDelete: false },
    });
  });

  test("the user the outputs name is read, whatever form the id has", async () => {
    const outs = {
      user: jason,
      tenantId: tenant,
      status: "ACTIVE",
      terminateSessions: false,
      restoreOnDelete: false,
      userId: jason,
      originalValues: { status: "ACTIVE" },
    };
    await emulator().control.scaikey.updateUser(jason, { status: "LOCKED" });
    assert.deepEqual(await provider.read?.(jason, outs), {
      id: jason,
      props: { ...outs, status: "LOCKED" },
      inputs: {
        user: jason,
        tenantId: tenant,
        status: "LOCKED",
        terminateSessions: false,
        restoreOnDelete: false,
      },
    });
  });

  test("an id and outputs that do not name both a tenant and a user read as gone, asking nothing of ScaiKey", async () => {
    await emulator().control.clearRequests();
    assert.deepEqual(await provider.read?.("not-an-id", {}), {});
    assert.deepEqual(await provider.read?.("not-an-id", { tenantId: tenant }), {});
    assert.deepEqual(await provider.read?.(`${tenant}/`, { userId: jason }), {});
    assert.deepEqual(await emulator().control.requests(), []);
  });
});

describe("how a user is named in errors", () => {
  const provider = attributesSpec.provider();
  const updateAfterDeletion = async (user: string) => {
    const args = { user, displayName: "Jason Compson" };
    const { id, outs } = await create(provider, args);
    await emulator().control.scaikey.deleteUser(jason);
    const inputs = await checked(provider, { ...args, displayName: "J." });
    return (await rejection(Promise.resolve(provider.update?.(id, outs, inputs)))).message;
  };

  test("by id and tenant, with the email when the program gave one", async () => {
    const hint =
      "no longer exists; run `pulumi refresh` to drop scaikey.UserAttributes from the stack, then `pulumi up`.";
    assert.equal(
      await updateAfterDeletion(jasonEmail),
      `ScaiKey user ${jason} (${jasonEmail}) of tenant ${tenant} ${hint}`,
    );
    await emulator().control.reset();
    assert.equal(
      await updateAfterDeletion(jason),
      `ScaiKey user ${jason} of tenant ${tenant} ${hint}`,
    );
  });

  test("an id the tenant does not have says to check it, or give the email", async () => {
    const err = await rejection(create(provider, { user: "usr_0000nobody", firstName: "X" }));
    assert.equal(
      err.message,
      `ScaiKey tenant ${tenant} has no user "usr_0000nobody"; check the id and the tenant, or give the user's email address.`,
    );
  });

  test("a program that names no tenant, with identity:scaikeyTenant not set, fails at check saying how to set it", async () => {
    // A fresh copy of the providers, never configured (the shared one is configured for the emulator).
    vi.resetModules();
    const fresh = await import("../../provider/scaikey/user-attributes");
    const outcome = await fresh.spec.provider().check?.({}, { user: jason, firstName: "J" });
    assert.deepEqual(
      outcome?.failures?.map((failure) => failure.reason),
      [
        "tenantId: no tenant given and identity:scaikeyTenant is not set; pass tenantId, or set it with `pulumi config set identity:scaikeyTenant tnt_...` or the environment variable SCAIKEY_TENANT",
      ],
    );
  });
});

describe("restoreOnDelete and what ScaiKey cannot clear", () => {
  /** A ScaiKey whose one user, Jason, lacks some values (an account made before they existed). */
  function userLacking(fields: Partial<Record<"email" | "locale" | "timezone" | "phone", null>>) {
    let user = {
      id: jason,
      email: jasonEmail,
      locale: "en",
      timezone: "America/Chicago",
      phone: "+1-662-555-0104",
      status: "ACTIVE",
      ...fields,
    } as UserResponse;
    const api: ScaiKeyUserApi = {
      getUser: async () => user,
      findUserByEmail: async () => user,
      async updateUser(_id, patch) {
        user = { ...user, ...patch } as UserResponse;
        return user;
      },
      updateUserStatus: async () => null,
      adminUnlockUser: async () => null,
    };
    return attributesSpec.provider(() => api);
  }

  test("an email, locale or time zone the user lacks cannot be put back, so restoreOnDelete is refused at once", async () => {
    const given = { email: "jason@compson.example", locale: "fr", timezone: "Europe/Paris" };
    for (const key of ["email", "locale", "timezone"] as const) {
      const err = await rejection(
        create(userLacking({ [key]: null }), {
          user: jason,
          tenantId: tenant,
          [key]: given[key],
          restoreOnDelete: true,
        }),
      );
      const on =
        key === "email" ? `ScaiKey user ${jason}` : `ScaiKey user ${jason} (${jasonEmail})`;
      assert.equal(
        err.message,
        `scaikey.UserAttributes: restoreOnDelete could not put back ${key} null found on ${on} of tenant ${tenant}: ScaiKey cannot clear ${key}; remove restoreOnDelete to manage it without putting it back.`,
      );
    }
  });

  test("a phone number the user lacks can be put back (ScaiKey clears it)", async () => {
    const { outs } = await create(userLacking({ phone: null }), {
      user: jason,
      tenantId: tenant,
      phone: "+1-662-555-0199",
      restoreOnDelete: true,
    });
    assert.deepEqual(outs.originalValues, { phone: null });
  });
});

describe("scaikey.UserStatus and the status endpoint's answers", () => {
  test("LOCKED → ACTIVE refused with 400, 409 or 422 falls back to the administration API's unlock", async () => {
    for (const status of [400, 409, 422]) {
      const { provider, calls } = fakeScaiKey("LOCKED", refusedWith(status));
      const { outs } = await create(provider, { user: caddy, tenantId: tenant, status: "ACTIVE" });
      assert.deepEqual(calls, ["status ACTIVE", "unlock"], `HTTP ${status}`);
      assert.equal(outs.status, "ACTIVE");
    }
  });

  test("another refused change, or LOCKED → ACTIVE failing otherwise, is reported and no unlock is tried", async () => {
    const cases = [
      { from: "LOCKED", to: "DISABLED", status: 400 },
      { from: "DISABLED", to: "ACTIVE", status: 400 },
      { from: "LOCKED", to: "ACTIVE", status: 403 },
    ] as const;
    for (const { from, to, status } of cases) {
      const { provider, calls } = fakeScaiKey(from, refusedWith(status));
      const err = await rejection(create(provider, { user: caddy, tenantId: tenant, status: to }));
      assert.equal(
        err.message,
        `ScaiKey refused to change ScaiKey user ${caddy} (caddy.compson@example.com) of tenant ${tenant} (status "${from}" → "${to}"): HTTP ${status}, "Not this way"`,
      );
      assert.deepEqual(calls, [`status ${to}`]);
    }

    const failed = fakeScaiKey("LOCKED", refusedWith(500));
    const err = await rejection(
      create(failed.provider, { user: caddy, tenantId: tenant, status: "ACTIVE" }),
    );
    assert.ok(err instanceof ApiError && err.status === 500, String(err));
    assert.deepEqual(failed.calls, ["status ACTIVE"]);

    // Not ScaiKey's answer, though it carries an HTTP status (a client of another make).
    const proxy = fakeScaiKey("LOCKED", () => {
      throw Object.assign(new Error("the proxy said no"), { status: 400 });
    });
    const other = await rejection(
      create(proxy.provider, { user: caddy, tenantId: tenant, status: "ACTIVE" }),
    );
    assert.equal(other.message, "the proxy said no");
    assert.deepEqual(proxy.calls, ["status ACTIVE"]);
  });

  test("an answer showing another status than asked is a change not made", async () => {
    const { provider } = fakeScaiKey("LOCKED", () => ({ status: "LOCKED" }));
    const err = await rejection(
      create(provider, { user: caddy, tenantId: tenant, status: "ACTIVE" }),
    );
    assert.equal(
      err.message,
      `ScaiKey accepted the change of ScaiKey user ${caddy} (caddy.compson@example.com) of tenant ${tenant} (status "LOCKED" → "ACTIVE") but did not make it: status is "LOCKED". The API may allow this change only in some cases; change it in ScaiKey or remove it from the program.`,
    );
  });

  test("an answer without a status (empty, or other fields) is taken as done", async () => {
    for (const answer of [null, { message: "Status updated" }]) {
      const { provider, calls } = fakeScaiKey("DISABLED", () => answer);
      const { outs } = await create(provider, { user: caddy, tenantId: tenant, status: "ACTIVE" });
      assert.equal(outs.status, "ACTIVE");
      assert.deepEqual(calls, ["status ACTIVE"]);
    }
  });
});
