import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fullFormats } from "ajv-formats/dist/formats";
import OpenAPIResponseValidator from "openapi-response-validator";
import type { OpenAPIV3 } from "openapi-types";
import { afterAll, beforeAll, beforeEach, describe, test } from "vitest";
import { parse } from "yaml";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { secureframeClient } from "./helpers";

// The emulator's Secureframe answers validated against Secureframe's published OpenAPI document
// (test/fixtures/openapi, a copy of ../shared/specs) by openapi-response-validator, with the
// intended differences below applied to the document first, each with its reason. docs/emulator.md
// lists the same differences.

type Document = OpenAPIV3.Document;
type Schema = OpenAPIV3.SchemaObject;

const published: Document = parse(
  readFileSync(join(__dirname, "../fixtures/openapi/secureframe-openapi-2023-10-18.yaml"), "utf8"),
);

const jsonSchemaOf = (document: Document, path: string, method: "get" | "put"): Schema => {
  const response = document.paths[path]?.[method]?.responses.default as OpenAPIV3.ResponseObject;
  return response.content?.["application/json"]?.schema as Schema;
};
const userSchema = (document: Document) => document.components?.schemas?.User as Schema;
/** The document's one resource object of a user: `{id, type, attributes: User, relationships, links}`. */
const resourceSchema = (document: Document) =>
  (jsonSchemaOf(document, "/users/{id}", "get").properties?.data as Schema) ?? {};

/** Where the emulator means to differ from the document, why, and the document as it then reads. */
const intendedDifferences: { what: string; why: string; apply(document: Document): void }[] = [
  {
    what: "Any User attribute may be null",
    why: "The document marks none nullable, but the live service sends null for every attribute a user has no value for (api-notes: many are null; e.g. middle_name, end_date), and so does the emulator.",
    apply: (document) => {
      for (const property of Object.values(userSchema(document).properties ?? {}))
        (property as Schema).nullable = true;
    },
  },
  {
    what: 'GET /users answers {"data": [user, ...]} by default (setting secureframe.listShape "data")',
    why: "The document's list is a top-level array of {data, included}, but the live service answers an object whose data is the array of users (api-notes, the live probe of 2026-06-18), which clients in the wild read. listShape \"openapi\" serves the document's form and is validated against it unchanged.",
    apply: () => {},
  },
  {
    what: 'GET /users answers a top-level array of users with setting listShape "array"',
    why: "The seed document's sample is a top-level array whose items it does not show; this reading of it has each user unwrapped, as GET /users/{id} shows one.",
    apply: () => {},
  },
];

/** Checks stricter than the document, so that the validation says more than types of what is there. */
function strict(document: Document): void {
  const user = userSchema(document);
  user.required = Object.keys(user.properties ?? {}); // every attribute is sent, null or not
  user.additionalProperties = false; // and none that the document does not define
  const resource = resourceSchema(document);
  resource.required = ["id", "type", "attributes", "relationships", "links"];
  for (const [path, method] of [
    ["/users/{id}", "get"],
    ["/users/{id}", "put"],
  ] as const)
    jsonSchemaOf(document, path, method).required = ["data"];
  const listItem = (jsonSchemaOf(document, "/users", "get") as OpenAPIV3.ArraySchemaObject)
    .items as Schema;
  listItem.required = ["data"];
}

const expected: Document = structuredClone(published);
for (const difference of intendedDifferences) difference.apply(expected);
strict(expected);

/** The document's schemas for GET /users: as published ("openapi"), and the two intended others. */
const listSchemas: Record<"openapi" | "data" | "array", Schema> = {
  openapi: jsonSchemaOf(expected, "/users", "get"),
  data: {
    type: "object",
    required: ["data"],
    additionalProperties: false,
    properties: { data: { type: "array", items: resourceSchema(expected) } },
  },
  array: { type: "array", items: resourceSchema(expected) },
};

const formats = {
  uuid: (value: string) => (fullFormats.uuid as RegExp).test(value),
  "date-time": (value: string) =>
    (fullFormats["date-time"] as { validate(value: string): boolean }).validate(value),
};
const validator = (schema: Schema) =>
  new OpenAPIResponseValidator({
    responses: { default: { schema } } as never,
    components: expected.components,
    customFormats: formats,
  });
const problems = (schema: Schema, body: unknown) =>
  validator(schema).validateResponse(200, body)?.errors ?? [];

describe("the emulator's Secureframe answers validate against the published OpenAPI document", () => {
  let emulator: RunningEmulator;
  let secureframe: ReturnType<typeof secureframeClient>;
  const jason = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";
  beforeAll(async () => {
    emulator = await startEmulator();
    secureframe = secureframeClient(emulator);
  });
  beforeEach(() => emulator.control.reset());
  afterAll(() => emulator.stop());

  test("GET /users/{id}, for every user of the demo data", async () => {
    const schema = jsonSchemaOf(expected, "/users/{id}", "get");
    for (const user of await emulator.control.secureframe.users()) {
      const answer = await secureframe(`/users/${user.id}`);
      assert.equal(answer.status, 200);
      assert.deepEqual(problems(schema, answer.body), [], user.email);
    }
  });

  test("PUT /users/{id} with every parameter, workspace included", async () => {
    const schema = jsonSchemaOf(expected, "/users/{id}", "put");
    const answer = await secureframe(
      `/users/${jason}?active=false&employee_type=workspace&start_date=2024-01-15&end_date=2024-06-30T17:00:00Z&in_audit_scope=false`,
      { method: "PUT" },
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(problems(schema, answer.body), []);
  });

  for (const listShape of ["openapi", "data", "array"] as const) {
    test(`GET /users, listShape "${listShape}"`, async () => {
      await emulator.control.setSettings({ secureframe: { listShape } });
      const answer = await secureframe("/users?per_page=100");
      assert.equal(answer.status, 200);
      assert.ok(Array.isArray(answer.body) ? answer.body.length : answer.body.data.length);
      assert.deepEqual(problems(listSchemas[listShape], answer.body), []);
      // Each shape is its own: none validates as another.
      for (const other of Object.keys(listSchemas) as (keyof typeof listSchemas)[])
        if (other !== listShape)
          assert.notDeepEqual(problems(listSchemas[other], answer.body), [], other);
    });
  }

  test("the check finds what the document refuses: a wrong type, an unknown enum value or attribute, a bad uuid", async () => {
    const schema = jsonSchemaOf(expected, "/users/{id}", "get");
    const good = (await secureframe(`/users/${jason}`)).body;
    const wrong = (change: (attributes: Record<string, unknown>) => void, id = jason) => {
      const body = structuredClone(good);
      body.data.id = id;
      change(body.data.attributes);
      return [...new Set(problems(schema, body).map((p: { path: string }) => p.path))];
    };
    assert.deepEqual(
      wrong((a) => {
        a.active = "yes";
      }),
      ["data/attributes/active"],
    );
    assert.deepEqual(
      wrong((a) => {
        a.employee_type = "intern";
      }),
      ["data/attributes/employee_type"],
    );
    assert.equal(
      wrong((a) => {
        a.nickname = "Jay";
      }).length,
      1,
    );
    assert.deepEqual(
      wrong(() => {}, "jason"),
      ["data/id"],
    );
  });
});
