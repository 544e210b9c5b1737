import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

const repo = join(__dirname, "..", "..");

test("docs/testing.md shows the example test that npm test runs, verbatim", () => {
  const doc = readFileSync(join(repo, "docs", "testing.md"), "utf8");
  const example = readFileSync(
    join(repo, "examples", "testing-with-vitest", "index.test.ts"),
    "utf8",
  );
  expect(doc).toContain(`\`\`\`ts\n${example}\`\`\``);
});
