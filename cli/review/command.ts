import { parseArgs } from "node:util";
import { EXIT, UsageError } from "../errors";
import { readInput, readStdin, writeOutput } from "../io";
import { buildReview } from "./build";
import { accessGrants } from "./grants";
import { renderJson } from "./json-report";
import { renderMarkdown } from "./markdown";
import { parsePreview } from "./preview-json";
import { parseStateExport } from "./state-export";
import { summarize } from "./summary";

export const reviewUsage = `Usage: pulumi-identity review [options] [FILE]

Reads the output of \`pulumi preview --json\` from FILE (standard input when FILE is - or left
out) and writes an access review: per ASA group, who is added and removed and which roles that
grants; per user, the attribute and status changes; groups created, deleted and adopted. Nothing
else. Example:

  pulumi preview --refresh --json --stack prod | pulumi-identity review --markdown review.md --json review.json

Options:
  --markdown FILE   write the Markdown report, for a pull-request comment, to FILE (- for
                    standard output); names are capped per list, the rest counted
  --json FILE       write the JSON report, for tools, to FILE (- for standard output); every name
                    With neither, the Markdown report goes to standard output.
  --state FILE      the stack's state as \`pulumi stack export --file FILE\` writes it: names the
                    roles of groups the preview leaves out because they do not change
  --max-names N     names listed per list in the Markdown, 1 to 100 (default 20)
  --fail-on-grant   exit 3 when the change grants access (members added, roles added, a group
                    adopted, members the preview cannot name, a user set to active)
  -h, --help        show this help

Exit codes:
  0  the report was written
  1  the input cannot be used (unreadable, not preview JSON), or the preview failed (the report
     was written and says so)
  2  usage error (an unknown option, a bad value)
  3  --fail-on-grant, and the change grants access (the report was written)
`;

function maxNames(text: string | undefined): number {
  if (text === undefined) return 20;
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1 || number > 100) {
    throw new UsageError(
      `--max-names ${text} is not a whole number from 1 to 100; e.g. --max-names 20`,
    );
  }
  return number;
}

export async function runReview(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      markdown: { type: "string" },
      json: { type: "string" },
      state: { type: "string" },
      "max-names": { type: "string" },
      "fail-on-grant": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(reviewUsage);
    return EXIT.ok;
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `one preview at a time: got ${positionals.length} files (${positionals.join(", ")})`,
    );
  }
  if (values.markdown === "-" && values.json === "-") {
    throw new UsageError(
      "--markdown - and --json - cannot both go to standard output; give one a FILE",
    );
  }
  const names = maxNames(values["max-names"]);
  const file = positionals[0] ?? "-";
  const source = file === "-" ? "standard input" : file;
  const text =
    file === "-" ? await readStdin("`pulumi preview --json`") : await readInput(file, "FILE");
  const preview = parsePreview(text, source);
  const states = values.state
    ? parseStateExport(await readInput(values.state, "--state"), `--state ${values.state}`)
    : [];
  const review = buildReview(preview, states);

  const markdown = values.markdown ?? (values.json === undefined ? "-" : undefined);
  if (markdown) await writeOutput(markdown, renderMarkdown(review, { maxNames: names }));
  if (values.json) await writeOutput(values.json, renderJson(review));
  const written = [markdown, values.json].filter((path) => path && path !== "-");
  if (written.length > 0) {
    const s = summarize(review);
    process.stderr.write(
      `wrote ${written.join(" and ")}: ${s.membersAdded} member(s) added and ${s.membersRemoved} removed in ${review.groups.length} group(s), ${s.userChanges} user change(s)\n`,
    );
  }

  if (review.errors.length > 0) {
    process.stderr.write(
      `the preview failed, so \`pulumi up\` would not run: ${review.errors[0]}\nFix the program and run the preview again.\n`,
    );
    return EXIT.failed;
  }
  const grants = accessGrants(review);
  if (values["fail-on-grant"] && grants.length > 0) {
    process.stderr.write(
      `the change grants access (--fail-on-grant):\n${grants.map((g) => `  - ${g}`).join("\n")}\n`,
    );
    return EXIT.grantsAccess;
  }
  return EXIT.ok;
}
