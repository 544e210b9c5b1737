import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { buildReview } from "../../cli/review/build";
import { MARKER, renderMarkdown } from "../../cli/review/markdown";
import { code } from "../../cli/review/markdown-text";
import type { GroupReview, Review } from "../../cli/review/review";
import { fixture, stateExport } from "./review-fixtures";

const options = { maxNames: 20 };

describe("text from the org goes only into code spans", () => {
  test("code spans keep backticks, lose line breaks, and cut very long text", () => {
    assert.equal(code("Benjy.Compson"), "`Benjy.Compson`");
    assert.equal(code("tick`name"), "``tick`name``");
    assert.equal(code("`edge"), "`` `edge ``");
    assert.equal(code("two\nlines\r\u2028here"), "`two lines  here`");
    const long = code("x".repeat(500));
    assert.equal(long.length, 122);
    assert.ok(long.endsWith("…`"));
  });

  test("odd usernames of a real preview: no raw HTML, emphasis or mention reaches the comment", () => {
    const markdown = renderMarkdown(buildReview(fixture("changes.json"), stateExport()), options);
    const platform = markdown.split("\n").find((line) => line.startsWith("  - added (5):"));
    assert.equal(
      platform,
      "  - added (5): `*star*_under_`, `<b>bold</b>`, `@here`, `member-07`, ``tick`name``",
    );
    // Outside code spans, none of the names' Markdown or HTML is left.
    const outside = markdown.replace(/(`+)[\s\S]*?\1/g, "");
    assert.doesNotMatch(outside, /<b>|@here|\*star\*/);
    assert.ok(markdown.startsWith(`${MARKER}\n### Access review of stack \`test\`\n`));
  });
});

test("the whole review of a real preview", () => {
  const markdown = renderMarkdown(buildReview(fixture("changes.json"), stateExport()), options);
  const lines = markdown.split("\n");
  assert.equal(
    lines[3],
    "**9 members added, 6 members removed** in 7 groups · 3 groups created · 2 groups deleted · 1 group adopted · 1 group with new roles · 7 user changes",
  );
  for (const expected of [
    "- **`ops`** roles `access_user` → `access_admin`, `access_user`: its 2 members gain `access_admin`",
    "- **`legacy`** deleted, granted `access_admin`",
    "- **`release`** created, grants `access_user`, `reporting_user`",
    "- **`contractors`** roles not known (see below)",
    "  - members: secret in the program, so the preview does not name them",
    "  - members: known only during `pulumi up` (they depend on other resources)",
    "Roles not known: the group is not declared by an `asa.Group` of this stack.",
    "1 group brought under management with 2 members declared: `existing`. `pulumi up` compares each with its live members and changes only what differs; `pulumi preview --refresh` after it shows any difference.",
    "- `Jason.Compson.IV` (ASA team `william-faulkner`, asa.UserStatus `jason-status`): `status` `ACTIVE` → `DISABLED`",
    "- `member-01` (ASA team `william-faulkner`, asa.UserStatus `member-01-status`): now managed: `status` = `DISABLED`",
    "- `jason.compson@example.com` (ScaiKey tenant `tnt_a24a8f641821b521082680b9`, scaikey.UserAttributes `jason-profile`): no longer managed, the values are left as they are",
    "- `caddy.compson@example.com` (Secureframe, secureframe.UserStatus `caddy-active`): `active` `true` → `false`",
  ]) {
    assert.ok(lines.includes(expected), `missing line:\n${expected}\nin:\n${markdown}`);
  }
});

test("a failed preview says so first, its errors in a code block", () => {
  const markdown = renderMarkdown(buildReview(fixture("failed.json")), options);
  assert.match(
    markdown,
    /\*\*The preview failed\*\*: `pulumi up` would not run, and the changes below may be incomplete\.\n\n```text\npulumi-nodejs:dynamic\/asa:GroupMembership resource 'platform' has a problem: .+nobody-by-that-name \(no such user\).+\n```\n\nNo access changes\.\n$/,
  );
});

describe("large changes stay small", () => {
  const names = (n: number, prefix = "user") =>
    Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(5, "0")}`);
  const group = (name: string, added: string[], removed: string[] = []): GroupReview => ({
    team: "t",
    name,
    group: "unchanged",
    roles: { before: ["access_user"], after: ["access_user"] },
    members: { kind: "listed", added, removed, after: 1000 },
    memberCount: 1000,
  });
  const review = (groups: GroupReview[]): Review => ({
    errors: [],
    groups,
    users: [],
    wholeStack: true,
  });

  test("a list names --max-names of them and counts the rest", () => {
    const markdown = renderMarkdown(review([group("big", names(1000), names(3, "gone"))]), options);
    const added = markdown.split("\n").find((line) => line.startsWith("  - added"));
    assert.match(added ?? "", /^ {2}- added \(1000\): `user-00000`, .*`user-00019` and 980 more$/);
    assert.equal(added?.match(/`user-/g)?.length, 20);
    assert.match(markdown, /\n {2}- removed \(3\): `gone-00000`, `gone-00001`, `gone-00002`\n/);
    assert.ok(markdown.length < 2_000, `${markdown.length} characters`);
  });

  test("at most 50 groups, the rest counted; under GitHub's 65,536 characters at the largest settings", () => {
    const many = names(5000, "group").map((name) =>
      group(`${name}-${"x".repeat(100)}`, names(200)),
    );
    const markdown = renderMarkdown(review(many), { maxNames: 100 });
    assert.ok(markdown.length < 65_536, `${markdown.length} characters`);
    assert.match(markdown, /\n- … and 4,9\d\d more groups: see the JSON report\n/);
    const small = renderMarkdown(
      review(names(120, "g").map((name) => group(name, ["a"]))),
      options,
    );
    assert.match(small, /\n- … and 70 more groups: see the JSON report\n/);
  });
});
