import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Preview, parsePreview } from "../../cli/review/preview-json";
import { parseStateExport } from "../../cli/review/state-export";

// Real `pulumi preview --json` output, captured from the CLI by scripts/capture-review-fixtures.ts.

export const fixtureDir = join(__dirname, "..", "fixtures", "preview-json");

export function fixtureText(name: string): string {
  return readFileSync(join(fixtureDir, name), "utf8");
}

export function fixture(name: string): Preview {
  return parsePreview(fixtureText(name), name);
}

export function stateExport() {
  return parseStateExport(fixtureText("stack-export.json"), "stack-export.json");
}
