import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { specFor } from "../../provider/registry";
import { handleNameOf, type ResourceKind } from "../../provider/resource/spec";

const providerDir = join(__dirname, "../../provider");
// What scripts/build wrote (npm test builds first): a handle per spec, never written by hand.
const builtHandlesDir = join(__dirname, "../../dist/provider/handles");

/** Every spec in provider/<module>/, found by its `export const spec =`. */
function specFiles(): string[] {
  return ["asa", "secureframe", "scaikey", "diagnostics"].flatMap((module) =>
    readdirSync(join(providerDir, module))
      .filter((file) => file.endsWith(".ts"))
      .filter((file) =>
        /^export const spec = /m.test(readFileSync(join(providerDir, module, file), "utf8")),
      )
      .map((file) => `${module}/${file}`),
  );
}

/** The kind a built handle names: `providerHandle("asa:Group")`. */
function handleKind(file: string): string | undefined {
  const text = readFileSync(join(builtHandlesDir, file), "utf8");
  return /providerHandle\("([^"]+)"\)/.exec(text)?.[1];
}

describe("specs and handles", () => {
  test("every spec is found by the registry under its kind, and the build wrote its handle", () => {
    const files = specFiles();
    assert.ok(files.length >= 9, files.join(", "));
    for (const file of files) {
      const { spec } = require(join(providerDir, file));
      assert.equal(specFor(spec.kind), spec, `${file}: the registry does not find ${spec.kind}`);
      const handle = `${handleNameOf(spec.kind)}.js`;
      assert.equal(handleKind(handle), spec.kind, `${file}: dist/provider/handles/${handle}`);
    }
  });

  test("the build wrote no other handle: each names a kind the registry has, in the file its name gives", () => {
    const handles = readdirSync(builtHandlesDir);
    assert.equal(handles.length, specFiles().length, handles.join(", "));
    for (const file of handles) {
      const kind = handleKind(file) as ResourceKind;
      assert.ok(specFor(kind), `dist/provider/handles/${file} names ${kind}, which has no spec`);
      assert.equal(`${handleNameOf(kind)}.js`, file);
    }
  });

  test("a name that is not a kind finds nothing", () => {
    assert.equal(specFor("asa:Nothing" as ResourceKind), undefined);
    assert.equal(specFor("asa:user-status" as ResourceKind), undefined);
    assert.throws(() => handleNameOf("other:Group" as ResourceKind), /not a kind of this package/);
  });
});
