import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { UNKNOWN } from "../../provider/resource";
import {
  booleanArg,
  emailArg,
  requireDeclared,
  restoreOnDeleteArg,
  sameUserRef,
  textArg,
  userRefArg,
} from "../../provider/users/args";
import { knownFields } from "../../provider/users/known-fields";
import { schemaRefusal } from "../harness/refusals";

// The argument schemas the user resources share, value by value: what passes (as check stores
// it) and the message a refusal gives.

describe("argument schemas", () => {
  test("restoreOnDelete defaults to false and refuses anything but a boolean", () => {
    assert.equal(restoreOnDeleteArg.parse(undefined), false);
    assert.equal(restoreOnDeleteArg.parse(true), true);
    assert.equal(
      schemaRefusal(restoreOnDeleteArg, "yes"),
      'must be true (put back the values found at creation when the resource is deleted) or false (leave the user as it is), not "yes"',
    );
  });

  test("a boolean says whether it is missing or wrong", () => {
    const active = booleanArg("true activates");
    assert.equal(active.parse(false), false);
    assert.equal(schemaRefusal(active, undefined), "required: true or false (true activates)");
    assert.equal(schemaRefusal(active, 1), "must be true or false (true activates), not 1");
  });

  test("a text value takes null to clear it", () => {
    const title = textArg("Manager");
    assert.equal(title.parse(null), null);
    assert.equal(title.parse("Manager"), "Manager");
    assert.equal(
      schemaRefusal(title, 3),
      'must be a string, e.g. "Manager", or null to clear it; not 3',
    );
  });

  test("an email is trimmed; null and non-addresses are refused with an example", () => {
    const email = emailArg("caddy@example.com");
    assert.equal(email.parse("  caddy@example.com "), "caddy@example.com");
    assert.equal(
      schemaRefusal(email, null),
      'cannot be null (the user keeps an email); give an address like "caddy@example.com"',
    );
    assert.equal(
      schemaRefusal(email, "caddy@"),
      '"caddy@" is not an email address; give one like "caddy@example.com"',
    );
    assert.equal(
      schemaRefusal(email, 5),
      '5 is not an email address; give one like "caddy@example.com"',
    );
  });

  test("a user is an id or an email: trimmed, emails in lower case, anything else refused", () => {
    const user = userRefArg({
      api: "Secureframe",
      idForm: 'a UUID like "1c5b5e3c-..."',
      isId: (value) => /^[0-9a-f-]{36}$/.test(value),
      emailExample: "caddy@example.com",
    });
    const id = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
    assert.equal(user.parse(` ${id} `), id);
    assert.equal(user.parse(" Caddy.Compson@Example.com "), "caddy.compson@example.com");
    const refusal =
      '"caddy" names no Secureframe user; give the user\'s id (a UUID like "1c5b5e3c-...") or email address (e.g. "caddy@example.com")';
    assert.equal(schemaRefusal(user, "caddy"), refusal);
    assert.match(schemaRefusal(user, "caddy@"), /^"caddy@" names no Secureframe user/);
    assert.match(schemaRefusal(user, null), /^null names no Secureframe user/);
  });

  test("an id keeps its case; only an email is folded", () => {
    const user = userRefArg({
      api: "Okta",
      idForm: "capitals",
      isId: (value) => /^[A-Z]+$/.test(value),
      emailExample: "caddy@example.com",
    });
    assert.equal(user.parse("ABC"), "ABC");
  });

  test("the same user: the same user given, or the id an email was resolved to", () => {
    const olds = { user: "caddy@example.com", userId: "u-1" };
    assert.equal(sameUserRef(olds, { user: "caddy@example.com" }), true);
    assert.equal(sameUserRef(olds, { user: "u-1" }), true);
    assert.equal(sameUserRef(olds, { user: "u-2" }), false);
  });
});

describe("requireDeclared", () => {
  const fields = ["title", "department"];
  const count = (inputs: Record<string, unknown>) =>
    fields.filter((field) => inputs[field] !== undefined).length;
  const check = (
    inputs: Record<string, unknown>,
    failures = [] as { property: string; reason: string }[],
  ) => requireDeclared({ inputs, failures }, count, fields, "scaikey.UserAttributes").failures;

  test("nothing declared fails on the first field, listing them all", () => {
    assert.deepEqual(check({ user: "u-1" }), [
      {
        property: "title",
        reason:
          "title: scaikey.UserAttributes manages nothing; declare at least one of title, department",
      },
    ]);
    assert.deepEqual(check({ department: "Ops" }), []);
  });

  test("a value not known yet, or a field already refused (nested too), is not called missing", () => {
    assert.deepEqual(check({ department: UNKNOWN }), []);
    const refused = [{ property: "department.name", reason: "bad" }];
    assert.deepEqual(check({}, refused), refused);
    const indexed = [{ property: "title[0]", reason: "bad" }];
    assert.deepEqual(check({}, indexed), indexed);
    const elsewhere = [{ property: "user", reason: "bad" }];
    assert.equal(check({}, elsewhere).length, 2);
  });
});

describe("knownFields", () => {
  // Built in each test, not when the file loads: a schema that fails to build then fails the test
  // that uses it (a file that fails to load runs no test, which mutation testing reads as a pass).
  const namesSchema = () =>
    knownFields(
      { firstName: textArg("Caddy").optional(), lastName: textArg("Compson").optional() },
      "the user's names",
    );

  test("the known fields pass; missing or not an object says what it should be, with an example", () => {
    const details = namesSchema();
    assert.deepEqual(details.parse({ firstName: "Caddy" }), { firstName: "Caddy" });
    assert.equal(
      schemaRefusal(details, undefined),
      "required: the user's names, e.g. { firstName: ... }",
    );
    assert.equal(
      schemaRefusal(details, "Caddy"),
      'must be the user\'s names, e.g. { firstName: ... }, not "Caddy"',
    );
  });

  test("an unknown field is refused at its own path, with the closest known name", () => {
    const result = namesSchema().safeParse({ firstName: "Caddy", lastname: "Compson", age: 3 });
    assert.equal(result.success, false);
    assert.deepEqual(
      result.error?.issues.map((issue) => [issue.code, issue.path, issue.message]),
      [
        [
          "custom",
          ["lastname"],
          'unknown field; did you mean "lastName"? Otherwise remove it (fields: firstName, lastName)',
        ],
        ["custom", ["age"], "unknown field; remove it or use one of firstName, lastName"],
      ],
    );
  });
});
