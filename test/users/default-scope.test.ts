import assert from "node:assert/strict";
import { describe, test } from "vitest";
import type { CheckOutcome } from "../../provider/resource";
import { UNKNOWN } from "../../provider/resource";
import { type DefaultScope, defaultScope } from "../../provider/users/default-scope";

// The check step that fills in ScaiKey's tenant (or ASA's team) when a resource leaves it out,
// and fails at preview when no credentials serve it: on a scope whose setting and credentials
// the test decides.

function scope(setting: string | undefined, served: string[] = []) {
  const asked: string[] = [];
  const step = defaultScope({
    field: "tenantId",
    setting: "scaikeyTenant",
    read: () => setting,
    requireCredentials(value) {
      asked.push(value);
      if (!served.includes(value)) throw new Error(`no client for ${value}`);
    },
  } satisfies DefaultScope);
  return { step, asked };
}

const outcome = (inputs: CheckOutcome["inputs"], failures: CheckOutcome["failures"] = []) => ({
  inputs,
  failures,
});

describe("the default scope", () => {
  test("left out: filled in from its setting, and its credentials checked", () => {
    const { step, asked } = scope("tnt_main", ["tnt_main"]);
    assert.deepEqual(
      step(outcome({ user: "a@b.c" })),
      outcome({ user: "a@b.c", tenantId: "tnt_main" }),
    );
    assert.deepEqual(asked, ["tnt_main"]);
  });

  test("left out with no setting: a failure naming the argument, the setting and how to set it", () => {
    const { step, asked } = scope(undefined);
    assert.deepEqual(step(outcome({ user: "a@b.c" })).failures, [
      {
        property: "tenantId",
        reason:
          "tenantId: no tenant given and identity:scaikeyTenant is not set; pass tenantId, or set it with `pulumi config set identity:scaikeyTenant tnt_...` or the environment variable SCAIKEY_TENANT",
      },
    ]);
    assert.deepEqual(asked, []);
  });

  test("given: kept; a scope no credentials serve fails on the argument with why", () => {
    const { step } = scope("tnt_main", ["tnt_main"]);
    const checked = step(outcome({ tenantId: "tnt_other" }));
    assert.deepEqual(checked.inputs, { tenantId: "tnt_other" });
    assert.deepEqual(checked.failures, [
      { property: "tenantId", reason: "tenantId: no client for tnt_other" },
    ]);
  });

  test("not checked when unknown (preview), not a string, or already failed", () => {
    const { step, asked } = scope("tnt_main");
    const unknown = outcome({ tenantId: UNKNOWN });
    assert.deepEqual(step(unknown), unknown);
    const number = outcome({ tenantId: 7 });
    assert.deepEqual(step(number), number);
    const failed = outcome({ tenantId: "bad" }, [
      { property: "tenantId", reason: "tenantId: bad" },
    ]);
    assert.deepEqual(step(failed), failed);
    const otherFailed = outcome({ tenantId: "tnt_x" }, [{ property: "user", reason: "user: bad" }]);
    assert.equal(
      step(otherFailed).failures.length,
      2,
      "another argument's failure does not stop it",
    );
    assert.deepEqual(asked, ["tnt_x"]);
  });
});
