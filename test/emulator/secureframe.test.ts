import assert from "node:assert/strict";
import { afterAll, beforeAll, beforeEach, describe, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { call, secureframeClient } from "./helpers";

const jason = "1c5b5e3c-f68b-409d-8f6b-6c0537e8f36d";

describe("Secureframe emulator", () => {
  let emulator: RunningEmulator;
  let secureframe: ReturnType<typeof secureframeClient>;
  beforeAll(async () => {
    emulator = await startEmulator();
    secureframe = secureframeClient(emulator);
  });
  beforeEach(() => emulator.control.reset());
  afterAll(() => emulator.stop());

  const emails = async (query: string) => {
    const answer = await secureframe(`/users?q=${encodeURIComponent(query)}`);
    assert.equal(answer.status, 200, answer.text);
    return answer.body.data
      .map((u: { attributes: { email: string } }) => u.attributes.email)
      .sort();
  };

  test("anonymous, bearer-style and wrong-secret calls get 401 {message: Authorization failed}", async () => {
    const { apiKey } = emulator.credentials.secureframe;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${apiKey}` },
      { authorization: `${apiKey} nope` },
    ];
    for (const headers of attempts) {
      const answer = await call(`${emulator.secureframeUrl}/users`, { headers });
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, { message: "Authorization failed" });
    }
  });

  test("a user is a JSON:API resource with every attribute, its id inside too", async () => {
    const answer = await secureframe(`/users/${jason}`);
    assert.equal(answer.status, 200);
    const { data } = answer.body;
    assert.equal(data.id, jason);
    assert.equal(data.type, "user");
    assert.deepEqual(data.relationships, {});
    assert.equal(data.links.self, `${emulator.secureframeUrl}/users/${jason}`);
    assert.deepEqual(Object.keys(data.attributes).sort(), [
      "access_role",
      "active",
      "active_source",
      "created_at",
      "department_id",
      "email",
      "employee_type",
      "end_date",
      "first_name",
      "id",
      "image_url",
      "in_audit_scope",
      "invited",
      "invited_at",
      "last_name",
      "manager_name",
      "middle_name",
      "name",
      "onboarding_status",
      "personnel_status",
      "preferred_first_name",
      "role",
      "secureframe_agent_acknowledged_at",
      "start_date",
      "title",
      "updated_at",
    ]);
    assert.equal(data.attributes.id, jason);
  });

  test("an unknown user is 404 {message}", async () => {
    const answer = await secureframe("/users/00000000-0000-4000-8000-000000000000");
    assert.equal(answer.status, 404);
    assert.equal(typeof answer.body.message, "string");
  });

  test("PUT takes its parameters from the query string", async () => {
    const answer = await secureframe(
      `/users/${jason}?active=false&employee_type=contractor&start_date=2020-01-15&end_date=2024-06-30T17:00:00Z&in_audit_scope=false`,
      { method: "PUT", json: { active: true } },
    );
    assert.equal(answer.status, 200, answer.text);
    const user = answer.body.data.attributes;
    assert.equal(user.active, false);
    assert.equal(user.employee_type, "contractor");
    assert.equal(user.start_date, "2020-01-15T00:00:00.000Z");
    assert.equal(user.end_date, "2024-06-30T17:00:00.000Z");
    assert.equal(user.in_audit_scope, false);
    assert.equal((await secureframe(`/users/${jason}`)).body.data.attributes.active, false);
    const cleared = await secureframe(`/users/${jason}?end_date=`, { method: "PUT" });
    assert.equal(cleared.body.data.attributes.end_date, null);
  });

  test("PUT takes every employee_type of the OpenAPI document, workspace included", async () => {
    for (const type of [
      "workspace",
      "contractor",
      "employee",
      "non_employee",
      "auditor",
      "external",
    ]) {
      const answer = await secureframe(`/users/${jason}?employee_type=${type}`, { method: "PUT" });
      assert.equal(answer.status, 200, type);
      assert.equal(answer.body.data.attributes.employee_type, type);
    }
  });

  test("PUT with a bad value is a 400 naming the parameter", async () => {
    for (const query of ["employee_type=intern", "active=yes", "start_date=next-week"]) {
      const answer = await secureframe(`/users/${jason}?${query}`, { method: "PUT" });
      assert.equal(answer.status, 400, query);
      assert.match(answer.body.message, new RegExp(query.split("=")[0] as string));
    }
  });

  test("a read-only key may read but not update (403)", async () => {
    const data = await emulator.control.data();
    data.secureframe.api_keys.push({ key: "ro-key", secret: "ro-secret", read_only: true });
    await emulator.control.loadData(data);
    const headers = { authorization: "ro-key ro-secret" };
    assert.equal((await call(`${emulator.secureframeUrl}/users`, { headers })).status, 200);
    const put = await call(`${emulator.secureframeUrl}/users/${jason}?active=false`, {
      method: "PUT",
      headers,
    });
    assert.equal(put.status, 403);
    assert.equal(typeof put.body.message, "string");
  });

  describe("q: the Lucene subset", () => {
    test("field:value, AND, OR and parentheses", async () => {
      assert.deepEqual(await emails("employee_type:contractor"), ["caddy.compson@example.com"]);
      assert.deepEqual(await emails("last_name:Compson AND active:true"), [
        "caddy.compson@example.com",
        "jason.compson@example.com",
      ]);
      assert.deepEqual(await emails("first_name:Dilsey OR first_name:Maury"), [
        "dilsey.gibson@example.com",
        "maury.bascomb@example.com",
      ]);
      // AND binds tighter than OR; parentheses change that.
      assert.deepEqual(await emails("first_name:Maury OR last_name:Compson AND active:false"), [
        "benjy.compson@example.com",
        "maury.bascomb@example.com",
        "quentin.compson@example.com",
      ]);
      assert.deepEqual(await emails("(first_name:Maury OR last_name:Compson) AND active:false"), [
        "benjy.compson@example.com",
        "quentin.compson@example.com",
      ]);
    });

    test("double quotes hold spaces; values are case-sensitive (wrong case: no rows)", async () => {
      assert.deepEqual(await emails('name:"Dilsey Gibson"'), ["dilsey.gibson@example.com"]);
      assert.deepEqual(await emails('name:"dilsey gibson"'), []);
      assert.deepEqual(await emails("first_name:dilsey"), []);
      assert.deepEqual(await emails("personnel_status:offboarded"), [
        "quentin.compson@example.com",
      ]);
    });

    test("an unfilterable field is 400 'User is not filterable by <field>'", async () => {
      const answer = await secureframe(
        `/users?q=${encodeURIComponent("email:x OR manager_name:Earl")}`,
      );
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { message: "User is not filterable by manager_name" });
    });

    test("a query that does not parse is 400", async () => {
      for (const q of ["(first_name:Jason", 'name:"open', "first_name:Jason last_name:Compson"]) {
        const answer = await secureframe(`/users?q=${encodeURIComponent(q)}`);
        assert.equal(answer.status, 400, q);
      }
    });
  });

  test("pages: per_page capped at 100, a page past the end is empty", async () => {
    await emulator.control.secureframe.createUsers(
      Array.from({ length: 250 }, (_, i) => ({
        email: `snopes.${i}@example.com`,
        first_name: "Flem",
        last_name: "Snopes",
      })),
    );
    const sizes: number[] = [];
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      const answer = await secureframe(`/users?per_page=500&page=${page}`);
      sizes.push(answer.body.data.length);
      for (const user of answer.body.data) seen.add(user.id);
      if (answer.body.data.length < 100) break;
    }
    assert.deepEqual(sizes, [100, 100, 56]);
    assert.equal(seen.size, 256);
    const past = await secureframe("/users?page=9");
    assert.deepEqual(past.body, { data: [] });
    const snopes = await secureframe(
      `/users?per_page=60&page=5&q=${encodeURIComponent("last_name:Snopes")}`,
    );
    assert.equal(snopes.body.data.length, 10);
  });

  test("the list comes as a top-level array when switched to it", async () => {
    await emulator.control.setSettings({ secureframe: { listShape: "array" } });
    const answer = await secureframe("/users?per_page=2");
    assert.ok(Array.isArray(answer.body));
    assert.equal(answer.body.length, 2);
    assert.equal(answer.body[0].type, "user");
  });

  test("the list comes as the OpenAPI document's array of {data, included} when switched to it", async () => {
    await emulator.control.setSettings({ secureframe: { listShape: "openapi" } });
    const answer = await secureframe("/users?per_page=2");
    assert.ok(Array.isArray(answer.body));
    assert.deepEqual(Object.keys(answer.body[0]).sort(), ["data", "included"]);
    assert.equal(answer.body[0].data.type, "user");
    assert.deepEqual(answer.body[1].included, []);
  });
});
