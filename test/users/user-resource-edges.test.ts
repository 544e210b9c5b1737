import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { ApiError } from "../../provider/errors";
import { UNKNOWN } from "../../provider/resource";
import {
  SecureframeClient,
  type SecureframeClientOptions,
} from "../../provider/secureframe/client";
import type { SecureframeUserApi } from "../../provider/secureframe/user-adapter";
import { spec as attributesSpec } from "../../provider/secureframe/user-attributes";
import { checked, checkReasons, create, rejection, up, useEmulator } from "./fixture";

// The generic user resource (provider/users/user-resource.ts) at its edges, through
// secureframe.UserAttributes: what it writes, what it leaves alone, and what a user reads when
// the user is gone or the API fails.

const emulator = useEmulator();
const jason = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
const provider = attributesSpec.provider();
/** A client of its own: the demo key unless told, with options of its own. */
function client(options: Partial<SecureframeClientOptions> = {}) {
  return new SecureframeClient({
    baseUrl: emulator().secureframeUrl,
    ...emulator().credentials.secureframe,
    ...options,
  });
}
const puts = async () =>
  (await emulator().control.requests()).filter((r) => r.method === "PUT").map((r) => r.url);

describe("what the user resource writes", () => {
  test("values already as declared are not sent; an update sends only the value that changed", async () => {
    await emulator().control.secureframe.updateUser(jason, { employee_type: "contractor" });
    const { id, outs } = await create(provider, {
      user: jason,
      employeeType: "contractor",
      inAuditScope: true,
    });
    assert.deepEqual(await puts(), [], "nothing to change at create");
    await emulator().control.clearRequests();
    await up(provider, id, outs, { user: jason, employeeType: "employee", inAuditScope: true });
    const sent = await puts();
    assert.equal(sent.length, 1);
    const query = new URL(sent[0] ?? "", "http://x").searchParams;
    assert.deepEqual([...query.keys()], ["employee_type"]);
  });

  test("at least one value must be declared", async () => {
    const reasons = await checkReasons(provider, { user: jason });
    assert.deepEqual(reasons, [
      "employeeType: secureframe.UserAttributes manages nothing; declare at least one of employeeType, startDate, endDate, inAuditScope",
    ]);
    assert.deepEqual(await checkReasons(provider, { user: jason, inAuditScope: false }), []);
  });
});

describe("a user who is gone, or a user not known yet", () => {
  test("an update of a user deleted by hand says to refresh; delete with restoreOnDelete is done", async () => {
    const args = { user: jason, employeeType: "contractor", restoreOnDelete: true };
    const { id, outs } = await create(provider, args);
    await emulator().control.secureframe.deleteUser(jason);
    await emulator().control.clearRequests();
    const inputs = await checked(provider, { ...args, employeeType: "employee" });
    const err = await rejection(Promise.resolve(provider.update?.(id, outs, inputs)));
    assert.match(
      err.message,
      /^Secureframe user 1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d.* no longer exists; run `pulumi refresh` to drop secureframe\.UserAttributes from the stack, then `pulumi up`\.$/,
    );
    await provider.delete?.(id, outs);
    assert.deepEqual(await puts(), [], "nothing to restore on a user who is gone");
  });

  test("state that names no user: read is gone, update says to replace, delete does nothing", async () => {
    const outs = { employeeType: "contractor", restoreOnDelete: true };
    assert.deepEqual(await provider.read?.("", outs), {});
    const inputs = await checked(provider, { user: jason, employeeType: "employee" });
    const err = await rejection(Promise.resolve(provider.update?.("", outs, inputs)));
    assert.equal(
      err.message,
      "secureframe.UserAttributes : the stored state names no user; replace the resource.",
    );
    await provider.delete?.("", outs);
    assert.equal((await emulator().control.requests()).length, 0);
  });

  test("a user not known until apply (preview) is a replacement", async () => {
    const { id, outs } = await create(provider, { user: jason, employeeType: "contractor" });
    const diff = await provider.diff?.(id, outs, {
      user: UNKNOWN,
      employeeType: "contractor",
      restoreOnDelete: false,
    });
    assert.deepEqual(diff, { changes: true, replaces: ["user"], deleteBeforeReplace: true });
  });
});

describe("API failures during a change", () => {
  test("a server error is not called a refusal: it comes through as the API's error", async () => {
    await emulator().control.setFaults({
      secureframe: { serverErrors: { share: 1, status: 500, methods: ["PUT"] } },
    });
    const once = attributesSpec.provider(() => client({ retry: { maxAttempts: 1 } }));
    const err = await rejection(create(once, { user: jason, employeeType: "contractor" }));
    assert.ok(err instanceof ApiError, String(err));
    assert.equal(err.status, 500);
    assert.doesNotMatch(err.message, /refused to change/);
  });

  test("a refusal keeps the API's error as its cause, and names each change", async () => {
    const data = emulator().data();
    data.secureframe.api_keys.push({ key: "sfk_ro", secret: "sfs_ro", read_only: true });
    await emulator().control.loadData(data);
    const readOnly = attributesSpec.provider(() =>
      client({ apiKey: "sfk_ro", apiSecret: "sfs_ro" }),
    );
    const err = await rejection(
      create(readOnly, { user: jason, employeeType: "contractor", inAuditScope: false }),
    );
    assert.match(
      err.message,
      /\(employeeType "employee" → "contractor", inAuditScope true → false\): HTTP 403, ".+"$/,
    );
    assert.ok(err.cause instanceof ApiError);
    assert.equal(err.cause.status, 403);
  });

  /** An API holding one user, whose updates do what `update` says. */
  function fakeApi(update: SecureframeUserApi["updateUser"]): SecureframeUserApi {
    const user = { id: jason, email: "jason.compson@example.com", employee_type: "employee" };
    const seen = { ...user, in_audit_scope: true };
    return { getUser: async () => seen, findUserByEmail: async () => seen, updateUser: update };
  }

  test("a refusal without a message from the API ends at its status", async () => {
    const api = fakeApi(async () => {
      throw new ApiError({ api: "secureframe", method: "PUT", path: "/users/x", status: 403 });
    });
    const err = await rejection(
      create(
        attributesSpec.provider(() => api),
        { user: jason, employeeType: "contractor" },
      ),
    );
    assert.match(err.message, /\(employeeType "employee" → "contractor"\): HTTP 403$/);
  });

  test("two changes accepted but not made are both named", async () => {
    const api = fakeApi(async () => ({
      id: jason,
      email: "jason.compson@example.com",
      employee_type: "employee",
      in_audit_scope: true,
    }));
    const err = await rejection(
      create(
        attributesSpec.provider(() => api),
        {
          user: jason,
          employeeType: "contractor",
          inAuditScope: false,
        },
      ),
    );
    assert.match(
      err.message,
      / but did not make it: employeeType is "employee", inAuditScope is true\. /,
    );
  });
});
