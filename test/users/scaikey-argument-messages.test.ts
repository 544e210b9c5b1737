import assert from "node:assert/strict";
import { describe, test } from "vitest";
import {
  customAttributesArg,
  localeArg,
  ouIdArg,
  phoneArg,
  tenantIdArg,
  timezoneArg,
} from "../../provider/scaikey/user-args";
import { schemaRefusal as refusal } from "../harness/refusals";

// What a program that gives a ScaiKey user resource a wrong value reads: the value, and what a
// right one looks like. (Engine tests show these arrive at `pulumi preview` naming the property.)

describe("ScaiKey argument messages", () => {
  test("a tenant slug or a number instead of a tenant id", () => {
    assert.match(refusal(tenantIdArg, "acme"), /"acme".*tnt_/);
    assert.match(refusal(tenantIdArg, 42), /42.*tnt_/);
  });

  test("a locale, a time zone, a phone number and an OU that cannot be", () => {
    assert.equal(
      refusal(localeArg, "english"),
      '"english" is not a locale; use a language code with an optional region, e.g. "en" or "en-US" (a hyphen, not an underscore)',
    );
    assert.equal(refusal(localeArg, 7), 'must be a locale such as "en" or "en-US", not 7');
    assert.equal(
      refusal(timezoneArg, "Mars/Olympus"),
      '"Mars/Olympus" is not an IANA time zone name, e.g. "America/Chicago" or "UTC"',
    );
    assert.equal(
      refusal(timezoneArg, false),
      'must be an IANA time zone name such as "America/Chicago", not false',
    );
    assert.match(
      refusal(phoneArg, "call me"),
      /^"call me" is not a phone number; .*"\+1-662-555-0104"$/,
    );
    assert.equal(
      refusal(phoneArg, 5550104),
      'must be a phone number such as "+1-662-555-0104", or null to clear it; not 5550104',
    );
    assert.match(
      refusal(ouIdArg, "  "),
      /^" {2}" is not an organizational unit id; give one like "ou_/,
    );
    assert.match(
      refusal(ouIdArg, 3),
      /^3 is not an organizational unit id; .*null to take the user out/,
    );
  });

  test("a custom attribute name that is empty or has a dot", () => {
    assert.match(refusal(customAttributesArg, { "a.b": 1 }), /a\.b/);
    assert.match(refusal(customAttributesArg, { " ": 1 }), /" "/);
  });
});
