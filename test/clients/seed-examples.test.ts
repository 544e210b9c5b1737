import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import type { z } from "zod";
import * as asa from "../../provider/asa";

// Verbatim copies of the seed documents (../shared/seeds beside the repository).
const seedsDir = join(__dirname, "..", "fixtures", "seed-documents");

interface Operation {
  title: string;
  method: string;
  url: string;
  example: string;
}

/** The operations of a seed document: `### title`, `<ApiOperation method url>`, and the first ```json block. */
function operations(file: string): Operation[] {
  const text = readFileSync(join(seedsDir, file), "utf8");
  return text
    .split(/^### /m)
    .slice(1)
    .flatMap((section) => {
      const op = /<ApiOperation method="(\w+)" url="([^"]+)"/.exec(section);
      const json = /##### Response\s*```json\n([\s\S]*?)```/.exec(section);
      if (!op) return [];
      return [
        {
          title: section.split("\n", 1)[0] as string,
          method: op[1] as string,
          url: op[2] as string,
          example: (json?.[1] ?? "").trim(),
        },
      ];
    });
}

// Which schema reads each ASA operation's example. The service-token example is the request
// body (IssueServiceTokenRequestBody), not the answer: the seed shows it under "Response".
const asaSchemas: Record<string, z.ZodType> = {
  "POST /v1/teams/{team_name}/service_token": asa.IssueServiceTokenRequestBody,
  "GET /v1/teams/{team_name}/users/{user_name}": asa.User,
  "GET /v1/teams/{team_name}/users/{user_name}/groups": asa.GroupList,
  "GET /v1/teams/{team_name}/users": asa.UserList,
  "GET /v1/teams/{team_name}/groups": asa.GroupList,
  "POST /v1/teams/{team_name}/groups": asa.Group,
  "GET /v1/teams/{team_name}/groups/{group_name}/users": asa.UserList,
  "GET /v1/teams/{team_name}/groups/{group_name}/users_not_in_group": asa.UserList,
};

describe("seed examples parse with the schemas", () => {
  it("finds the seed documents", () => {
    assert.ok(existsSync(seedsDir), `no seeds at ${seedsDir}`);
  });

  for (const file of ["000_9222522ca7c345a8.txt", "001_6bd84732fa646567.txt"]) {
    describe(file, () => {
      const ops = existsSync(seedsDir) ? operations(file) : [];
      it("has operations with examples", () => {
        assert.ok(ops.filter((op) => op.example).length >= 4);
      });
      for (const op of ops) {
        const key = `${op.method} ${op.url}`;
        if (!op.example) {
          it(`${key}: no example body (204 answers and the bare GET group)`, () => {
            assert.equal(asaSchemas[key], undefined, "an operation with a schema lost its example");
          });
          continue;
        }
        it(`${key} (${op.title})`, () => {
          const schema = asaSchemas[key];
          assert.ok(schema, `no schema mapped for ${key}`);
          const result = schema.safeParse(JSON.parse(op.example));
          assert.ok(result.success, result.success ? "" : JSON.stringify(result.error.issues));
        });
      }
    });
  }

  // The same examples as copied into the repository (test/fixtures/seed-examples).
  const fixtures = join(__dirname, "..", "fixtures", "seed-examples");
  const fixtureSchemas: Record<string, z.ZodType> = {
    "asa-service-token-request.json": asa.IssueServiceTokenRequestBody,
    "asa-user.json": asa.User,
    "asa-users.json": asa.UserList,
    "asa-user-groups.json": asa.GroupList,
    "asa-groups.json": asa.GroupList,
    "asa-group-created.json": asa.Group,
    "asa-group-users.json": asa.UserList,
    "asa-users-not-in-group.json": asa.UserList,
  };
  for (const [file, schema] of Object.entries(fixtureSchemas)) {
    it(`fixture ${file}`, () => {
      const result = schema.safeParse(JSON.parse(readFileSync(join(fixtures, file), "utf8")));
      assert.ok(result.success, result.success ? "" : JSON.stringify(result.error.issues));
    });
  }

  it("tells soft-deleted groups from live ones, Go zero time included", () => {
    const groups = asa.GroupList.parse(
      JSON.parse(
        operations("001_6bd84732fa646567.txt").find(
          (op) => op.method === "GET" && op.url.endsWith("/groups"),
        )?.example ?? "{}",
      ),
    ).list;
    assert.equal(groups[0]?.deleted_at, asa.GO_ZERO_TIME);
    assert.deepEqual(
      groups.map((g) => asa.isSoftDeleted(g)),
      [false, false],
    );
    assert.equal(asa.isSoftDeleted({ deleted_at: null }), false);
    assert.equal(asa.isSoftDeleted({ deleted_at: "0001-01-01T00:00:00.000Z" }), false);
    assert.equal(asa.isSoftDeleted({ deleted_at: "2026-03-01T10:00:00Z" }), true);
  });

  it("keeps null details and a DELETED user's deleted_at as the seed shows them", () => {
    const users = asa.UserList.parse(
      JSON.parse(
        operations("000_9222522ca7c345a8.txt").find(
          (op) => op.method === "GET" && op.url.endsWith("/users"),
        )?.example ?? "{}",
      ),
    ).list;
    assert.deepEqual(
      users.map((u) => [u.name, u.status, u.deleted_at]),
      [
        ["Jason.Compson.IV", "ACTIVE", null],
        ["Benjy.Compson", "DISABLED", null],
        ["Quentin.Compson.III", "DELETED", "1910-06-10T00:00:00Z"],
      ],
    );
  });
});
