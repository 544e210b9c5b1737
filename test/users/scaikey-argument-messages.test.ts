import assert from "node:assert/strict";
import { describe, test } from "vitest";
import {
  customAttributesArg,
  localeArg,
  ouIdArg,
  phoneArg,
  scaikeyUserArg,
  tenantIdArg,
  timezoneArg,
} from "../../provider/scaikey/user-args";
import { ScaiKeyUserAttributesArgs } from "../../provider/scaikey/user-attributes";
import { ScaiKeyUserStatusArgs } from "../../provider/scaikey/user-status";
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

  test("a custom attribute's value that is not JSON (NaN, Infinity, at any depth) says so", () => {
    const notJson =
      "must be a JSON value (string, number, boolean, list or object), or null to remove it";
    assert.equal(refusal(customAttributesArg, { score: Number.NaN }), notJson);
    assert.equal(refusal(customAttributesArg, { score: { max: Infinity } }), notJson);
    const nested = { badges: ["a", 1, null, { gold: true }], clear: null };
    assert.deepEqual(customAttributesArg.parse(nested), nested);
  });

  test("a tenant or user id is the whole value, spaces around it aside", () => {
    const tenant = "tnt_a24a8f641821b521082680b9";
    assert.equal(tenantIdArg.parse(` ${tenant} `), tenant);
    for (const wrong of [`x${tenant}`, `${tenant}/compson`])
      assert.match(refusal(tenantIdArg, wrong), /is not a ScaiKey tenant id/);
    for (const wrong of ["xusr_a0ef100cb9467317b1a26c4c", "usr_a0ef100c/b9467317"])
      assert.match(refusal(scaikeyUserArg, wrong), /names no ScaiKey user/);
  });

  test("time zones: links the platform knows pass as written; a name with a wrong case gets the right one", () => {
    for (const zone of ["UTC", "US/Eastern", "EST5EDT", "Etc/GMT+5"])
      assert.equal(timezoneArg.parse(zone), zone);
    for (const wrong of ["america/Chicago", "America/chicago"])
      assert.equal(
        refusal(timezoneArg, wrong),
        `"${wrong}" is not an IANA time zone name; did you mean "America/Chicago"?`,
      );
  });

  test("locales with a script or a numeric region, and spaces around, are taken in their canonical spelling", () => {
    assert.equal(localeArg.parse(" en-us "), "en-US");
    assert.equal(localeArg.parse("zh-hant-tw"), "zh-Hant-TW");
    assert.equal(localeArg.parse("es-419"), "es-419");
  });

  test("phone numbers: three digits at least, separators only, spaces around trimmed", () => {
    assert.equal(phoneArg.parse("911"), "911");
    assert.equal(phoneArg.parse("(662) 555 0104"), "(662) 555 0104");
    assert.equal(phoneArg.parse(" +1-662-555-0104 "), "+1-662-555-0104");
    for (const wrong of ["1-2", "662-555-0104 ext 12", "tel 662-555-0104"])
      assert.match(refusal(phoneArg, wrong), /is not a phone number/);
  });

  test("a name's wrong type shows an example of that field", () => {
    const user = "usr_a0ef100cb9467317b1a26c4c";
    const examples = {
      username: "jason.compson",
      firstName: "Jason",
      lastName: "Compson",
      displayName: "Jason Compson IV",
    };
    for (const [field, example] of Object.entries(examples))
      assert.equal(
        refusal(ScaiKeyUserAttributesArgs, { user, [field]: 7 }),
        `must be a string, e.g. "${example}", or null to clear it; not 7`,
      );
  });

  test("a status left out or not a text, and a reason not a text", () => {
    const user = "usr_a0ef100cb9467317b1a26c4c";
    assert.equal(
      refusal(ScaiKeyUserStatusArgs, { user }),
      "required: the user's status; use ACTIVE, DISABLED, LOCKED",
    );
    assert.equal(
      refusal(ScaiKeyUserStatusArgs, { user, status: 5 }),
      "5 is not a status ScaiKey lets an administrator set; use ACTIVE, DISABLED, LOCKED",
    );
    assert.equal(
      refusal(ScaiKeyUserStatusArgs, { user, status: "ACTIVE", reason: 5 }),
      'must be a string saying why, e.g. "Left the company", not 5',
    );
  });
});
