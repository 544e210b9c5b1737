import assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import { describe, test, vi } from "vitest";
import { withAccessErrors } from "../../provider/access-errors";
import { ApiError } from "../../provider/errors";
import { currentProgress } from "../../provider/progress/context";
import { PartialFailure, type PropertyMap, UNKNOWN } from "../../provider/resource";
import { URN_KEY, withResourceProgress } from "../../provider/resource/with-progress";

// The two wrappers the registry puts around every provider: the resource's progress and its
// hidden URN, and explained access refusals. Tested on a stand-in provider, so nothing else runs.

const urn = "urn:pulumi:prod::access::pulumi-nodejs:dynamic/asa:GroupMembership::eng";

/** A provider that strips `__` keys like the real ones and records where progress pointed. */
function standIn() {
  const seen: { method: string; urn?: string; label?: string }[] = [];
  const note = (method: string) => {
    const progress = currentProgress();
    seen.push({ method, urn: progress?.urn, label: progress?.label });
  };
  const strip = (values: PropertyMap) =>
    Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith("__")));
  const provider: pulumi.dynamic.ResourceProvider = {
    async check(_olds, news) {
      note("check");
      return { inputs: strip(news), failures: [] };
    },
    async diff() {
      return { changes: false };
    },
    async create(inputs) {
      note("create");
      if (inputs.fail) throw new PartialFailure("half done", "id-1", { done: 1 }, inputs);
      return { id: "id-1", outs: strip(inputs) };
    },
    async read(id, props) {
      note("read");
      return props?.gone ? {} : { id, props: strip(props ?? {}), inputs: { a: 1 } };
    },
    async update(_id, _olds, news) {
      note("update");
      return { outs: strip(news) };
    },
    async delete() {
      note("delete");
    },
  };
  return { provider, seen };
}

describe("the resource's progress and URN", () => {
  test("__urn stays in the inputs check returns, and goes into create's and update's outputs", async () => {
    const { provider, seen } = standIn();
    const wrapped = withResourceProgress("asa.GroupMembership", provider);
    const checked = await wrapped.check?.({}, { a: 1, [URN_KEY]: urn });
    assert.deepEqual(checked?.inputs, { a: 1, [URN_KEY]: urn });
    const created = await wrapped.create({ a: 1, [URN_KEY]: urn });
    assert.deepEqual(created.outs, { a: 1, [URN_KEY]: urn });
    const updated = await wrapped.update?.("id-1", {}, { a: 2, [URN_KEY]: urn });
    assert.deepEqual(updated?.outs, { a: 2, [URN_KEY]: urn });
    assert.deepEqual(
      seen.map((s) => [s.method, s.urn, s.label]),
      [
        ["check", urn, "asa.GroupMembership"],
        ["create", urn, "asa.GroupMembership"],
        ["update", urn, "asa.GroupMembership"],
      ],
    );
  });

  test("reads and deletes take the URN from the stored outputs, and read echoes it; 'gone' stays gone", async () => {
    const { provider, seen } = standIn();
    const wrapped = withResourceProgress("asa.GroupMembership", provider);
    const read = await wrapped.read?.("id-1", { a: 1, [URN_KEY]: urn });
    assert.deepEqual(read, {
      id: "id-1",
      props: { a: 1, [URN_KEY]: urn },
      inputs: { a: 1, [URN_KEY]: urn },
    });
    assert.deepEqual(await wrapped.read?.("id-1", { gone: true, [URN_KEY]: urn }), {});
    await wrapped.delete?.("id-1", { a: 1, [URN_KEY]: urn });
    assert.deepEqual(
      seen.map((s) => [s.method, s.urn]),
      [
        ["read", urn],
        ["read", urn],
        ["delete", urn],
      ],
    );
  });

  test("without a URN (older state, or a preview's unknown) progress goes to the Stack row, naming the resource", async () => {
    const { provider, seen } = standIn();
    const wrapped = withResourceProgress("asa.GroupMembership", provider);
    await wrapped.delete?.("team/eng", { a: 1 });
    const checked = await wrapped.check?.({}, { a: 1, [URN_KEY]: UNKNOWN });
    assert.equal(checked?.inputs[URN_KEY], UNKNOWN, "the unknown value is passed on");
    const created = await wrapped.create({ a: 1 });
    assert.deepEqual(created.outs, { a: 1 }, "no URN is made up");
    assert.deepEqual(
      seen.map((s) => [s.method, s.urn, s.label]),
      [
        ["delete", "", "asa.GroupMembership team/eng"],
        ["check", "", "asa.GroupMembership"],
        ["create", "", "asa.GroupMembership"],
      ],
    );
  });

  test("a partial failure keeps the URN in the outputs it records", async () => {
    const { provider } = standIn();
    const wrapped = withResourceProgress("asa.GroupMembership", provider);
    const err = await wrapped.create({ fail: true, [URN_KEY]: urn }).then(
      () => assert.fail("create should fail"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof PartialFailure);
    assert.equal(err.properties[URN_KEY], urn);
    assert.equal(err.properties.done, 1);
  });

  test("an update's partial failure keeps the URN too; anything else thrown, even a string, passes as it is", async () => {
    const failing: pulumi.dynamic.ResourceProvider = {
      create: async () => Promise.reject("not an Error"),
      update: async (id, _olds, news) => {
        throw new PartialFailure("half done", id, { done: 1 }, news);
      },
      diff: async () => ({ changes: true, replaces: ["a"] }),
    };
    const wrapped = withResourceProgress("asa.GroupMembership", failing);
    const err = await wrapped.update?.("id-1", {}, { [URN_KEY]: urn }).then(
      () => assert.fail("update should fail"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof PartialFailure);
    assert.equal(err.properties[URN_KEY], urn);
    await assert.rejects(wrapped.create({ [URN_KEY]: urn }), (e) => e === "not an Error");
    assert.deepEqual(await wrapped.diff?.("id-1", {}, {}), { changes: true, replaces: ["a"] });
  });

  test("a read with no stored outputs, and a long change's progress stopped when the call ends", async () => {
    const { provider } = standIn();
    const wrapped = withResourceProgress("asa.Group", provider);
    assert.deepEqual(await wrapped.read?.("id-1", undefined), {
      id: "id-1",
      props: {},
      inputs: { a: 1 },
    });
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const long = withResourceProgress("asa.Group", {
        create: async () => {
          currentProgress()?.start("members", 10);
          return { id: "id-2", outs: {} };
        },
      });
      await long.create({ [URN_KEY]: urn });
      assert.equal(vi.getTimerCount(), 0, "no progress timer left running");
    } finally {
      vi.useRealTimers();
    }
  });

  test("methods the provider lacks stay absent; a provider without check passes the inputs on", async () => {
    const wrapped = withResourceProgress("x", { create: async () => ({ id: "1", outs: {} }) });
    assert.equal(wrapped.read, undefined);
    assert.equal(wrapped.update, undefined);
    assert.equal(wrapped.delete, undefined);
    assert.equal(wrapped.diff, undefined);
    assert.deepEqual((await wrapped.check?.({}, { a: 1 }))?.inputs, { a: 1 });
  });
});

describe("access refusals explained", () => {
  const refused = new ApiError({
    api: "secureframe",
    method: "GET",
    path: "/users/1",
    status: 401,
    apiMessage: "Authorization failed",
  });
  const failing = (err: unknown): pulumi.dynamic.ResourceProvider => ({
    check: async () => Promise.reject(err),
    create: async () => Promise.reject(err),
    read: async () => Promise.reject(err),
    update: async () => Promise.reject(err),
    delete: async () => Promise.reject(err),
    diff: async () => ({ changes: true }),
  });

  test("in check, a check failure with the explanation (the host prints a thrown error's stack)", async () => {
    const result = await withAccessErrors(failing(refused)).check?.({}, { a: 1 });
    assert.deepEqual(result?.inputs, { a: 1 });
    assert.equal(result?.failures?.length, 1);
    assert.match(result?.failures?.[0]?.reason ?? "", /^Secureframe refused the API key/);
  });

  test("in create and update, the explanation; in read and delete, also that the stored config may be stale", async () => {
    const wrapped = withAccessErrors(failing(refused));
    for (const call of [() => wrapped.create({}), () => wrapped.update?.("1", {}, {})]) {
      await assert.rejects(call() ?? Promise.resolve(), (err: Error) => {
        assert.match(err.message, /^Secureframe refused the API key .*\.$/);
        assert.doesNotMatch(err.message, /stale/);
        assert.equal(err.cause, refused);
        return true;
      });
    }
    await assert.rejects(
      wrapped.read?.("1", {}) ?? Promise.resolve(),
      /This was a read \(refresh\)/,
    );
    await assert.rejects(wrapped.delete?.("1", {}) ?? Promise.resolve(), /This was a delete:/);
    assert.deepEqual(await wrapped.diff?.("1", {}, {}), { changes: true });
  });

  test("methods the provider lacks stay absent; a refusal in check is a failure on no property", async () => {
    const bare = withAccessErrors({ create: async () => Promise.reject(refused) });
    assert.deepEqual(Object.keys(bare), ["create"]);
    await assert.rejects(bare.create({}), /^Error: Secureframe refused the API key/);
    const result = await withAccessErrors(failing(refused)).check?.({}, {});
    assert.equal(result?.failures?.[0]?.property, "");
  });

  test("other errors pass through as they are", async () => {
    const other = new Error("boom");
    const wrapped = withAccessErrors(failing(other));
    await assert.rejects(wrapped.create({}), (err) => err === other);
    const result = await wrapped.check?.({}, {});
    assert.equal(result?.failures?.[0]?.reason, "boom");
  });
});
