import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { closestName, unknownNameHint } from "../../provider/resource/did-you-mean";

// The distance is an optimal string alignment: insert, delete, replace, or swap two neighbours.
// A four-letter name takes one edit at most, so each case below is two edits that a wrong
// distance would count as one (or none), and the suggestion would appear.
describe("did you mean: what is not one edit", () => {
  test("a letter shifted out of place is two edits, not a swap of neighbours", () => {
    // mood → mode: "od" against "de" shares only the d, so o→d and d→e, two replacements.
    assert.equal(closestName("mood", ["mode"]), undefined);
    // moes → mode: "es" against "de" shares only the e, so d dropped and s added.
    assert.equal(closestName("moes", ["mode"]), undefined);
    assert.equal(closestName("odde", ["mode"]), undefined);
  });

  test("a swap costs one edit over what precedes the pair, not over letters further on", () => {
    // doe → mode: m added, then d and o swapped (mdoe → mode): two edits.
    assert.equal(closestName("doe", ["mode"]), undefined);
    assert.equal(closestName("ome", ["mode"]), undefined);
    // Next to them, a real swap is still one edit.
    assert.equal(closestName("mdoe", ["mode"]), "mode");
    assert.equal(closestName("omde", ["mode"]), "mode");
    assert.equal(closestName("moed", ["mode"]), "mode");
  });

  test("letters given beyond a one-letter name each count: dropping them is not free", () => {
    assert.equal(closestName("name", ["n"]), undefined);
    assert.equal(closestName("ab", ["a"]), "a");
    assert.equal(closestName("ab", [""]), undefined);
  });

  test("the hint names the suggestion only when one is close enough", () => {
    assert.equal(
      unknownNameHint("mood", ["mode", "team"], "arguments"),
      "remove it or use one of mode, team",
    );
    assert.equal(
      unknownNameHint("moed", ["mode", "team"], "arguments"),
      'did you mean "mode"? Otherwise remove it (arguments: mode, team)',
    );
  });
});
