import { UNKNOWN } from "../../provider/resource/unknown";
import { SECRET } from "./review";

// Text from the preview (usernames, group names, values, errors) is the org's, not ours: it goes
// into a comment only inside code spans and blocks, where Markdown, HTML, @mentions and links
// are not interpreted.

/** Longest text shown for one name or value. */
const MAX_TEXT = 120;

function longestRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** The text as an inline code span: on one line, its own backticks kept, cut if very long. */
export function code(text: string): string {
  let clean = text.replace(/[\p{Cc}\u2028\u2029]/gu, " ");
  if (clean.length > MAX_TEXT) clean = `${clean.slice(0, MAX_TEXT - 1)}…`;
  const fence = "`".repeat(longestRun(clean) + 1);
  // A span that starts or ends with a backtick or a space needs one space of padding each side.
  const pad = /^[` ]|[` ]$/.test(clean) ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** A fenced code block holding the text as it is. */
export function codeBlock(text: string): string {
  const fence = "`".repeat(Math.max(3, longestRun(text) + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** `a`, `b` and 18 more. */
export function nameList(names: readonly string[], max: number): string {
  const shown = names.slice(0, max).map(code).join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/** A managed value as the report shows it. */
export function value(value: unknown): string {
  if (value === SECRET) return "(secret)";
  if (value === UNKNOWN) return "(known during up)";
  if (typeof value === "string") return code(value);
  return code(JSON.stringify(value));
}
