import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { z } from "zod";
import { MemberSet } from "../../provider/asa/member-set";
import {
  changedProperties,
  checkInputs,
  containsUnknown,
  diffInputs,
  forEngine,
  isUnknown,
  joinId,
  PartialFailure,
  quote,
  splitId,
  UNKNOWN,
  withoutUndefined,
} from "../../provider/resource";
import { closestName } from "../../provider/resource/did-you-mean";
import { handleOf } from "../../provider/resource/provider-handle";
import { specPathOf, typeTokenOf } from "../../provider/resource/spec";
import { storedOutputs } from "../../provider/resource/stored-outputs";

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

describe("did you mean, at its edges", () => {
  test("two neighbours swapped are one edit", () => {
    assert.equal(closestName("lsatName", ["firstName", "lastName"]), "lastName");
    assert.equal(closestName("ba", ["ab"]), "ab");
  });

  test("up to a third of the name's length in edits, one at least; case ignored", () => {
    assert.equal(closestName("frstNme", ["firstName"]), "firstName", "2 edits, 9 letters");
    assert.equal(closestName("fsNm", ["firstName"]), undefined, "5 edits");
    assert.equal(closestName("ab", ["ac"]), "ac", "one edit even for a short name");
    assert.equal(closestName("TEAM", ["team"]), "team");
    assert.equal(closestName("", ["a"]), "a");
    assert.equal(closestName("abc", []), undefined);
    assert.equal(closestName("xxmode", ["mode"]), undefined, "two letters more are two edits");
  });

  test("the closest wins; of two as close, the first listed", () => {
    assert.equal(closestName("membrs", ["memberz", "members"]), "members");
    assert.equal(closestName("tam", ["team", "tame"]), "team");
    assert.equal(closestName("tam", ["tame", "team"]), "tame");
  });
});

describe("values in messages, IDs and kinds", () => {
  test("quote: JSON, undefined by name, cut at 60 characters", () => {
    assert.equal(quote(undefined), "undefined");
    assert.equal(quote("abc"), '"abc"');
    const exactly60 = "x".repeat(58);
    assert.equal(quote(exactly60), `"${exactly60}"`);
    const long = "y".repeat(59);
    assert.equal(quote(long), `"${"y".repeat(56)}...`);
  });

  test("an ID is <scope>/<name>: neither part empty; the name may hold a slash", () => {
    assert.deepEqual(splitId("team/group/sub"), { scope: "team", name: "group/sub" });
    assert.equal(splitId("team/"), undefined);
    assert.equal(splitId("team"), undefined);
    assert.deepEqual(splitId("t/g"), { scope: "t", name: "g" });
  });

  test("a kind's type token and file; anything but a kind of the package's modules has none", () => {
    assert.equal(typeTokenOf("asa:Group"), "pulumi-nodejs:dynamic/asa:Group");
    assert.equal(specPathOf("scaikey:UserStatus"), "scaikey/user-status");
    for (const kind of ["xasa:Group", "asa:Group!", "asa:group", "asa:"]) {
      assert.equal(specPathOf(kind), undefined, kind);
    }
  });
});

describe("unknown values and diffs", () => {
  test("unknown at any depth, in lists and objects", () => {
    assert.equal(isUnknown(UNKNOWN), true);
    assert.equal(isUnknown("x"), false);
    assert.equal(containsUnknown(["a", [UNKNOWN]]), true);
    assert.equal(containsUnknown({ a: { b: UNKNOWN } }), true);
    assert.equal(containsUnknown(["a", { b: null }]), false);
  });

  test("an unknown new value is a change whatever the normal form; replaceOn defaults to none", () => {
    const byType = { compare: ["mode"], normalize: { mode: (value: unknown) => typeof value } };
    assert.deepEqual(changedProperties({ mode: "additive" }, { mode: UNKNOWN }, byType), ["mode"]);
    assert.deepEqual(changedProperties({ mode: "a" }, { mode: "b" }, byType), []);
    assert.deepEqual(diffInputs({ mode: "a" }, { mode: "b" }, { compare: ["mode"] }), {
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(
      diffInputs({ team: "a" }, { team: "b" }, { compare: ["team"], replaceOn: ["team"] }),
      { changes: true, replaces: ["team"], deleteBeforeReplace: false },
    );
  });

  test("check: a value not known yet is passed through unchecked, declared or not", () => {
    const schema = z.strictObject({ group: z.string(), mode: z.enum(["a", "b"]) });
    const preview = checkInputs(
      schema,
      { group: UNKNOWN, mode: "a", extra: UNKNOWN },
      {
        resource: "asa.Group",
      },
    );
    assert.deepEqual(preview, {
      inputs: { mode: "a", group: UNKNOWN, extra: UNKNOWN },
      failures: [],
    });
  });
});

describe("stored outputs and failures", () => {
  test("stored outputs: each field read by its schema, a wrong or missing one left out", () => {
    const schema = z.object({ group: z.string(), members: z.array(z.string()) });
    assert.deepEqual(storedOutputs(schema, undefined), {});
    assert.deepEqual(storedOutputs(schema, { group: 7, members: ["a"], other: 1 }), {
      members: ["a"],
    });
  });

  test("a partial failure is named, carries its one reason and the provider from the inputs", () => {
    const err = new PartialFailure("half done", "t/g", { members: ["a"] }, { __provider: "p" });
    assert.equal(err.name, "PartialFailure");
    assert.deepEqual(err.reasons, ["half done"]);
    assert.deepEqual(err.properties, { members: ["a"], __provider: "p" });
    assert.equal(err.id, "t/g");
  });

  test("run from the sources, a handle is made in memory and reaches the built registry", async () => {
    const handle = handleOf("diagnostics:ProviderCheck");
    const created = await handle.create({});
    assert.equal(typeof created.outs.packageVersion, "string");
    const checked = await handle.check?.({}, { extra: 1 });
    assert.equal(checked?.failures?.length, 1);
    assert.deepEqual(await handle.diff?.("id", {}, {}), { changes: false });
    const read = await handle.read?.(created.id, created.outs);
    assert.equal(read?.id, created.id);
    await handle.delete?.(created.id, created.outs);
  });
});
