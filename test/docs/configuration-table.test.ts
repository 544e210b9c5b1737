import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { configNamespace, type SettingName, settings } from "../../provider/config";

// docs/configuration.md's two tables say what the providers read: every setting, its variable,
// whether it is a secret, and what it is, from the one list in provider/config.ts.

const docs = readFileSync(join(__dirname, "..", "..", "docs", "configuration.md"), "utf8");
const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim());
const rows = docs
  .split("\n")
  .filter((line) => line.startsWith("| ") && line.includes("`identity:"));

test("each credential and base URL has its row: key, variable, secret, what it is", () => {
  const limit =
    /^(asa|secureframe|scaikey)(RateLimit|MaxConnections|ConnectTimeoutMs|HeadersTimeoutMs|BodyTimeoutMs|RetryMaxAttempts|RetryMaxWaitMs)$/;
  const names = (Object.keys(settings) as SettingName[]).filter((name) => !limit.test(name));
  const documented = rows.map(cells).filter((row) => row.length === 5);
  assert.deepEqual(
    documented.map((row) => row[1]),
    names.map((name) => `\`${configNamespace}:${name}\``),
  );
  for (const name of names) {
    const row = documented.find((r) => r[1] === `\`${configNamespace}:${name}\``) ?? [];
    assert.deepEqual(row.slice(2), [
      `\`${settings[name].env}\``,
      settings[name].secret ? "yes" : "",
      settings[name].about,
    ]);
  }
});

test("each limit has its row, in the <api> form, with both variables and what it is", () => {
  const documented = rows.map(cells).filter((row) => row.length === 3);
  const limits = (Object.keys(settings) as SettingName[]).filter(
    (name) => name.startsWith("asa") && settings[name].sharedEnv,
  );
  assert.equal(documented.length, limits.length);
  for (const name of limits) {
    const { env, sharedEnv, about } = settings[name];
    const row = documented.find((r) => r[0] === `\`identity:<api>${name.slice(3)}\``);
    assert.ok(row, `no row for identity:<api>${name.slice(3)}`);
    assert.deepEqual(row.slice(1), [
      `\`${env.replace("_ASA_", "_<API>_")}\`, \`${sharedEnv}\``,
      about,
    ]);
    for (const api of ["secureframe", "scaikey"]) {
      const other = settings[`${api}${name.slice(3)}` as SettingName];
      assert.equal(other.about, about);
      assert.equal(other.env, env.replace("_ASA_", `_${api.toUpperCase()}_`));
    }
  }
});
