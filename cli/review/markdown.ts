import { plural } from "../plural";
import { code, codeBlock, nameList, value } from "./markdown-text";
import type { FieldChange, GroupReview, Review, UserReview } from "./review";
import { summarize } from "./summary";

// The review as a pull-request comment: small whatever the change's size (lists capped, counted),
// every name from the org inside a code span.

/** The first line, which a workflow finds to update its own comment. */
export const MARKER = "<!-- pulumi-identity review -->";

export interface MarkdownOptions {
  /** Names listed per list; the others are counted. */
  maxNames: number;
}

/** Groups and users shown at most; the others are counted (the JSON report has them all). */
const MAX_ENTRIES = 50;
/**
 * Characters for the group and user lists: with at most 100 names of at most 120 characters per
 * list (--max-names), the errors and the adopted groups' line, a comment stays under the 65,536
 * characters GitHub accepts.
 */
const GROUPS_ROOM = 30_000;
const USERS_ROOM = 12_000;
const MAX_ERRORS = 5;

const roleList = (roles: readonly string[]) =>
  roles.length === 0 ? "no roles" : roles.map(code).join(", ");

function rolesText(group: GroupReview): string {
  const { roles } = group;
  if (roles === null) return "roles not known (see below)";
  if (group.group === "deleted") return `granted ${roleList(roles.before ?? [])}`;
  if (group.group !== "roles changed") return `grants ${roleList(roles.after)}`;
  const before = roles.before ?? [];
  const gained = roles.after.filter((role) => !before.includes(role));
  const lost = before.filter((role) => !roles.after.includes(role));
  const who =
    group.memberCount === null ? "its members" : `its ${plural(group.memberCount, "member")}`;
  const effects = [
    gained.length > 0 ? `gain ${roleList(gained)}` : "",
    lost.length > 0 ? `lose ${roleList(lost)}` : "",
  ].filter(Boolean);
  return `roles ${roleList(before)} → ${roleList(roles.after)}: ${who} ${effects.join(" and ")}`;
}

function groupBlock(group: GroupReview, showTeam: boolean, options: MarkdownOptions): string {
  const what =
    group.group === "unchanged" || group.group === "roles changed" ? "" : ` ${group.group},`;
  const team = showTeam ? ` (team ${code(group.team)})` : "";
  const lines = [`- **${code(group.name)}**${team}${what} ${rolesText(group)}`];
  const members = group.members;
  if (members?.kind === "listed") {
    if (members.added.length > 0)
      lines.push(
        `  - added (${members.added.length}): ${nameList(members.added, options.maxNames)}`,
      );
    if (members.removed.length > 0)
      lines.push(
        `  - removed (${members.removed.length}): ${nameList(members.removed, options.maxNames)}`,
      );
  } else if (members?.kind === "secret") {
    lines.push("  - members: secret in the program, so the preview does not name them");
  } else if (members?.kind === "unknown") {
    lines.push("  - members: known only during `pulumi up` (they depend on other resources)");
  }
  return lines.join("\n");
}

function fieldText(change: FieldChange): string {
  if (!("before" in change)) return `${code(change.field)} = ${value(change.after)}`;
  if (!("after" in change)) return `${code(change.field)} (was ${value(change.before)})`;
  return `${code(change.field)} ${value(change.before)} → ${value(change.after)}`;
}

function userBlock(user: UserReview): string {
  const scope = user.scope ? ` ${user.api === "ASA" ? "team" : "tenant"} ${code(user.scope)}` : "";
  const where = `${user.api}${scope}, ${user.resource} ${code(user.name)}`;
  const fields = user.fields.map(fieldText).join(", ");
  if (user.change === "created") return `- ${code(user.user)} (${where}): now managed: ${fields}`;
  if (user.change === "deleted") {
    const after = user.restoreOnDelete
      ? "the values found at creation are put back"
      : "the values are left as they are";
    return `- ${code(user.user)} (${where}): no longer managed, ${after}`;
  }
  return `- ${code(user.user)} (${where}): ${fields}`;
}

function headline(review: Review): string {
  const s = summarize(review);
  const parts = [];
  if (s.membersAdded + s.membersRemoved > 0) {
    const counts = [
      s.membersAdded > 0 ? `${plural(s.membersAdded, "member")} added` : "",
      s.membersRemoved > 0 ? `${plural(s.membersRemoved, "member")} removed` : "",
    ].filter(Boolean);
    parts.push(`**${counts.join(", ")}** in ${plural(s.groups.membersChanged, "group")}`);
  }
  const { created, deleted, adopted, rolesChanged } = s.groups;
  if (created) parts.push(`${plural(created, "group")} created`);
  if (deleted) parts.push(`${plural(deleted, "group")} deleted`);
  if (adopted) parts.push(`${plural(adopted, "group")} adopted`);
  if (rolesChanged) parts.push(`${plural(rolesChanged, "group")} with new roles`);
  if (s.userChanges) parts.push(`${plural(s.userChanges, "user change")}`);
  return parts.length > 0 ? parts.join(" · ") : "No access changes.";
}

/** Appends blocks while the text stays under the limits; says how many were left out. */
function capped(blocks: string[], room: number, what: string): string[] {
  const shown: string[] = [];
  let length = 0;
  for (const block of blocks) {
    if (shown.length >= MAX_ENTRIES || length + block.length > room) break;
    shown.push(block);
    length += block.length + 1;
  }
  const left = blocks.length - shown.length;
  if (left > 0) {
    const more = `${left.toLocaleString("en-US")} more ${left === 1 ? what : `${what}s`}`;
    shown.push(`- … and ${more}: see the JSON report`);
  }
  return shown;
}

export function renderMarkdown(review: Review, options: MarkdownOptions): string {
  const title = review.stack ? `Access review of stack ${code(review.stack)}` : "Access review";
  const out = [MARKER, `### ${title}`, ""];
  if (review.errors.length > 0) {
    const errors = review.errors
      .slice(0, MAX_ERRORS)
      .map((e) => (e.length > 1000 ? `${e.slice(0, 999)}…` : e));
    out.push(
      "**The preview failed**: `pulumi up` would not run, and the changes below may be incomplete.",
      "",
      codeBlock(errors.join("\n\n")),
      "",
    );
  }
  out.push(headline(review), "");

  const teams = new Set(review.groups.map((group) => group.team));
  const showTeam = teams.size > 1;
  const adopted = review.groups.filter(
    (g) => g.members?.kind === "adopted" && (g.group === "adopted" || g.group === "unchanged"),
  );
  const others = review.groups.filter((g) => !adopted.includes(g));
  if (others.length > 0) {
    const team = showTeam || !others[0] ? "" : ` (ASA team ${code(others[0].team)})`;
    const blocks = others.map((g) => groupBlock(g, showTeam, options));
    out.push(`#### Groups${team}`, "", ...capped(blocks, GROUPS_ROOM, "group"), "");
  }
  if (others.some((g) => g.roles === null)) {
    out.push(
      review.wholeStack
        ? "Roles not known: the group is not declared by an `asa.Group` of this stack."
        : "Roles not known: the group is unchanged, so the preview leaves it out, or it is not an `asa.Group` of this stack. Give `--state` (from `pulumi stack export`), or review `pulumi preview --refresh --json`, to name the roles of unchanged groups.",
      "",
    );
  }
  if (adopted.length > 0) {
    const declared = adopted.reduce(
      (n, g) => n + (g.members?.kind === "adopted" ? g.members.declared : 0),
      0,
    );
    out.push(
      "#### Adopted groups",
      "",
      `${plural(adopted.length, "group")} brought under management with ${plural(declared, "member")} declared: ${nameList(
        adopted.map((g) => g.name),
        options.maxNames,
      )}. \`pulumi up\` compares each with its live members and changes only what differs; \`pulumi preview --refresh\` after it shows any difference.`,
      "",
    );
  }
  if (review.users.length > 0) {
    out.push(
      "#### Users",
      "",
      ...capped(review.users.map(userBlock), USERS_ROOM, "user change"),
      "",
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
