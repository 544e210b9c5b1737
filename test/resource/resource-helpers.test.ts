import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { z } from "zod";
import { MemberSet } from "../../provider/asa/member-set";
import {
  checkInputs,
  containsUnknown,
  diffInputs,
  forEngine,
  joinId,
  PartialFailure,
  splitId,
  UNKNOWN,
  withoutUndefined,
} from "../../provider/resource";
import { closestName } from "../../provider/resource/did-you-mean";

const schema = z.strictObject({
  title: z.string({ error: "must be a string" }).transform((s) => s.trim()),
  tags: z.array(z.string({ error: "must be a tag" })).default([]),
  owner: z.strictObject({ email: z.email({ error: "must be an email address" }) }).optional(),
});

describe("checkInputs", () => {
  test("normalises, fills defaults and drops the engine's own keys", () => {
    const outcome = checkInputs(
      schema,
      { title: " x ", __provider: "code" },
      { resource: "Thing" },
    );
    assert.deepEqual(outcome, { inputs: { title: "x", tags: [] }, failures: [] });
  });

  test("each issue: the exact property path, and a reason that starts with it", () => {
    const outcome = checkInputs(
      schema,
      { title: 1, tags: ["a", 2], owner: { email: "nope" }, extra: true, tgas: 1 },
      { resource: "Thing" },
    );
    assert.deepEqual(outcome.failures, [
      { property: "title", reason: "title: must be a string" },
      { property: "tags[1]", reason: "tags[1]: must be a tag" },
      { property: "owner.email", reason: "owner.email: must be an email address" },
      {
        property: "extra",
        reason: 'extra: Thing has no argument "extra"; remove it or use one of title, tags, owner',
      },
      {
        property: "tgas",
        reason:
          'tgas: Thing has no argument "tgas"; did you mean "tags"? Otherwise remove it (arguments: title, tags, owner)',
      },
    ]);
  });

  test("unknown values (anywhere inside a property) pass through unchecked, the rest is checked", () => {
    const outcome = checkInputs(
      schema,
      { title: UNKNOWN, tags: ["a", UNKNOWN], owner: { email: "bad" } },
      { resource: "Thing" },
    );
    assert.deepEqual(outcome.failures, [
      { property: "owner.email", reason: "owner.email: must be an email address" },
    ]);
    const ok = checkInputs(schema, { title: UNKNOWN, tags: [UNKNOWN] }, { resource: "Thing" });
    assert.deepEqual(ok, { inputs: { title: UNKNOWN, tags: [UNKNOWN] }, failures: [] });
  });

  test("forEngine keeps the reasons and drops the property the CLI would misprint", () => {
    const outcome = checkInputs(schema, { title: "t", tags: [3] }, { resource: "Thing" });
    assert.deepEqual(forEngine(outcome).failures, [
      { property: "", reason: "tags[0]: must be a tag" },
    ]);
  });
});

describe("diffInputs", () => {
  const spec = {
    compare: ["name", "members"],
    replaceOn: ["name"],
    deleteBeforeReplace: true,
    normalize: { members: (value: unknown) => MemberSet.from(value).list() },
  };

  test("compares stored outputs with new inputs after normalising; __provider and others never count", () => {
    const olds = { name: "a", members: ["x", "y"], adopt: true, __provider: "v1" };
    const news = { name: "a", members: { y: true, x: true }, adopt: false, __provider: "v2" };
    assert.deepEqual(diffInputs(olds, news, spec), {
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("an update, a replacement (with delete-before-replace), an unknown value", () => {
    const olds = { name: "a", members: ["x"] };
    assert.deepEqual(diffInputs(olds, { name: "a", members: { z: true } }, spec), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(diffInputs(olds, { name: "b", members: { x: true } }, spec), {
      changes: true,
      replaces: ["name"],
      deleteBeforeReplace: true,
    });
    assert.deepEqual(diffInputs(olds, { name: "a", members: [UNKNOWN] }, spec), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("small pieces", () => {
  test("containsUnknown looks at every depth", () => {
    assert.equal(containsUnknown({ a: [{ b: UNKNOWN }] }), true);
    assert.equal(containsUnknown({ a: [{ b: "known" }], c: null }), false);
  });

  test("member sets: sorted, deduplicated, read back from either stored form", () => {
    assert.deepEqual(MemberSet.of(["b", "a", "b", "B"]).toStored(), { B: true, a: true, b: true });
    assert.deepEqual(MemberSet.from({ b: true, a: true }).list(), ["a", "b"]);
    assert.deepEqual(MemberSet.from(["b", "a", "a", 3]).list(), ["a", "b"]);
    assert.deepEqual(MemberSet.from(undefined).list(), []);
    assert.equal(MemberSet.isStoredForm({ a: true }), true);
    assert.equal(MemberSet.isStoredForm(["a"]), false);
    const set = MemberSet.of(["a", "b", "c"]);
    assert.deepEqual(set.minus(MemberSet.of(["b"])).list(), ["a", "c"]);
    assert.deepEqual(set.union(["d", "a"]).list(), ["a", "b", "c", "d"]);
    assert.equal(set.equals(MemberSet.from({ c: true, b: true, a: true })), true);
    assert.equal(set.equals(MemberSet.of(["a", "b"])), false);
    assert.equal(set.equals(MemberSet.of(["a", "b", "d"])), false);
  });

  test("IDs: the scope never holds a slash, the name may", () => {
    assert.equal(joinId("team", "a/b"), "team/a/b");
    assert.deepEqual(splitId("team/a/b"), { scope: "team", name: "a/b" });
    assert.equal(splitId("no-slash"), undefined);
    assert.equal(splitId("/x"), undefined);
  });

  test("withoutUndefined removes undefined at every depth, keeps null", () => {
    assert.deepEqual(withoutUndefined({ a: undefined, b: null, c: [{ d: undefined, e: 1 }] }), {
      b: null,
      c: [{ e: 1 }],
    });
  });

  test("PartialFailure carries the id and the outputs with the inputs' __provider", () => {
    const err = new PartialFailure(
      "half done",
      "t/g",
      { members: ["a"] },
      { __provider: "code", x: 1 },
    );
    assert.equal(err.id, "t/g");
    assert.deepEqual(err.properties, { members: ["a"], __provider: "code" });
    assert.equal(err.message, "half done");
  });
});

describe("did you mean", () => {
  test("a misspelt name gets the closest known one: swapped letters, a letter more or less, case", () => {
    const known = ["group", "members", "mode", "team", "adopt"];
    assert.equal(closestName("mdoe", known), "mode");
    assert.equal(closestName("member", known), "members");
    assert.equal(closestName("Team", known), "team");
    assert.equal(closestName("teams", known), "team");
  });

  test("a name far from every known one gets no suggestion", () => {
    assert.equal(closestName("colour", ["name", "roles", "team", "adopt"]), undefined);
    assert.equal(closestName("x", ["group", "members"]), undefined);
  });
});
