import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { providerFor, specFor } from "../../provider/registry";
import type { ResourceKind } from "../../provider/resource/spec";
import { URN_KEY } from "../../provider/resource/with-progress";

// What Pulumi's host reaches through a handle: the provider of a kind, loaded once and wrapped
// (progress and URN, explained refusals).

const urn = "urn:pulumi:prod::access::pulumi-nodejs:dynamic/diagnostics:ProviderCheck::check";

describe("the registry", () => {
  test("a kind's provider is loaded once and carries the wrappers", async () => {
    const provider = providerFor("diagnostics:ProviderCheck");
    assert.equal(providerFor("diagnostics:ProviderCheck"), provider, "the same provider each time");
    const created = await provider.create({ [URN_KEY]: urn });
    assert.equal(created.outs[URN_KEY], urn, "the progress wrapper keeps the URN in the outputs");
    assert.equal(typeof created.outs.packageVersion, "string");
    const checked = await provider.check?.({}, { verbose: true, [URN_KEY]: urn });
    assert.deepEqual(
      checked?.failures?.map((failure) => failure.property),
      ["verbose"],
    );
  });

  test("an unknown kind, in a module of the package or not, has no provider and says to upgrade", () => {
    for (const kind of ["asa:Nothing", "diagnostics:Gone", "other:Group"]) {
      assert.throws(() => providerFor(kind as ResourceKind), {
        message: `pulumi-identity has no provider for ${kind}; upgrade the package.`,
      });
    }
  });

  test("a spec is found only under its own kind", () => {
    const spec = specFor("asa:GroupMembership");
    assert.equal(spec?.kind, "asa:GroupMembership");
    assert.equal(spec?.label, "asa.GroupMembership");
    assert.equal(specFor("asa:groupMembership" as ResourceKind), undefined);
    assert.equal(
      specFor("asa:Client" as ResourceKind),
      undefined,
      "a file of the module with no spec",
    );
  });
});
