import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { asaClient } from "../../provider/asa/configured-client";
import { scaikeyClient } from "../../provider/scaikey/configured-client";
import { secureframeClient } from "../../provider/secureframe/configured-client";
import { EXIT, InputError, UsageError } from "../errors";
import { plural } from "../plural";
import { explainApiError } from "./api-errors";
import { changesSince } from "./changes";
import { DATA_VERSION, type ImportedData } from "./model";
import { notOurs, readModuleData, renderModule } from "./module";
import { canonicalCommand, parseImportOptions } from "./options";
import { readAsaGroups } from "./read-asa";
import { readScaiKeyUsers } from "./read-scaikey";
import { readSecureframeUsers } from "./read-secureframe";
import { assertDistinct } from "./resource-names";
import { readStackConfig } from "./stack-config";

export const importUsage = `Usage: pulumi-identity import --out FILE [options]

Reads a live ASA team's groups (their roles and every member), and optionally Secureframe and
ScaiKey users' status and attributes, and writes a TypeScript module declaring them, with
adopt: true, sorted and stable. Call its declareImported() from the program: \`pulumi up\` then
takes everything over without a single write, and \`pulumi preview --refresh\` is empty. Run the
same command later to bring the module up to date: it prints what changed in the org since.

  ASA_TEAM=my-team ASA_KEY_ID=... ASA_KEY_SECRET=... pulumi-identity import --out imported.ts

Options:
  --out FILE             the module to write (required); an existing FILE is replaced only if
                         this command wrote it
  --asa groups           the ASA team's groups and members (the default when none of --asa,
                         --secureframe, --scaikey is given)
  --secureframe PARTS    Secureframe users: status, attributes, or status,attributes
  --scaikey PARTS        the ScaiKey tenant's users: status, attributes, or status,attributes
  --exclude-group NAME   leave this ASA group out (one your own code declares); repeatable
  --team NAME            the ASA team (default identity:asaTeam with --stack, else ASA_TEAM)
  --stack NAME           read the identity:* settings from this stack's config first, as the
                         providers do (runs \`pulumi config --show-secrets\` in this directory,
                         with the stack's backend and passphrase)
  -h, --help             show this help

Settings are the providers' (docs/configuration.md): the stack config with --stack, then the
environment variables (ASA_TEAM, ASA_KEY_ID, ASA_KEY_SECRET, ASA_BASE_URL, SECUREFRAME_API_KEY,
SECUREFRAME_API_SECRET, SECUREFRAME_BASE_URL, SCAIKEY_BASE_URL, SCAIKEY_CLIENT_ID,
SCAIKEY_CLIENT_SECRET, SCAIKEY_TENANT, the limits). No secret is taken as a flag, printed or
written.

Exit codes:
  0  the module was written
  1  an API refused or failed (the message says what to check), --stack's config cannot be
     read, FILE cannot be written, or FILE exists and was not written by this command
  2  usage error: an unknown option, a bad value, a missing or malformed setting
`;

async function previousData(out: string): Promise<ImportedData | undefined> {
  if (!existsSync(out)) return undefined;
  let text: string;
  try {
    text = await readFile(out, "utf8");
  } catch (error) {
    throw new InputError(`cannot read --out ${out}: ${(error as Error).message}`);
  }
  const data = readModuleData(text);
  if (!data) throw notOurs(out);
  return data;
}

/**
 * A client from the providers' factory; a missing or malformed setting (the factory's message
 * names its config key and variable) is a usage error.
 */
function client<T>(make: () => T, stack: string | undefined): T {
  try {
    return make();
  } catch (error) {
    const hint = stack ? "" : " (the stack config is read with --stack NAME)";
    throw new UsageError(`${(error as Error).message}${hint}`);
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export async function runImport(args: string[]): Promise<number> {
  const options = parseImportOptions(args);
  if (!options) {
    process.stdout.write(importUsage);
    return EXIT.ok;
  }
  const { out, stack } = options;
  const previous = await previousData(out);
  if (stack) await readStackConfig(stack, process.cwd());

  // Every client first, so that a missing setting is reported before any request.
  const asa = options.asa ? client(() => asaClient(options.team), stack) : undefined;
  const sf = options.secureframe ? client(() => secureframeClient(), stack) : undefined;
  const sk = options.scaikey ? client(() => scaikeyClient(), stack) : undefined;

  const data: ImportedData = { version: DATA_VERSION };
  const notes: string[] = [];
  const said: string[] = [];
  try {
    if (asa) {
      const groups = await readAsaGroups(asa, new Set(options.excludeGroups));
      assertDistinct(
        groups.value.map((g) => g.resourceName),
        "groups",
      );
      data.asa = { team: asa.team, groups: groups.value };
      notes.push(...groups.notes);
      const memberships = groups.value.reduce((n, g) => n + g.members.length, 0);
      const users = new Set(groups.value.flatMap((g) => g.members)).size;
      said.push(
        `Read ASA team "${asa.team}": ${plural(groups.value.length, "group")}, ${plural(memberships, "membership")} of ${plural(users, "user")}.`,
      );
    }
    if (sf && options.secureframe) {
      const users = await readSecureframeUsers(sf, options.secureframe);
      assertDistinct(
        users.value.map((u) => u.resourceName),
        "Secureframe users",
      );
      data.secureframe = { users: users.value };
      notes.push(...users.notes);
      said.push(`Read Secureframe: ${plural(users.value.length, "user")}.`);
    }
    if (sk && options.scaikey) {
      const users = await readScaiKeyUsers(sk, options.scaikey);
      assertDistinct(
        users.value.map((u) => u.resourceName),
        "ScaiKey users",
      );
      data.scaikey = { tenantId: sk.tenantId, users: users.value };
      notes.push(...users.notes);
      said.push(`Read ScaiKey tenant ${sk.tenantId}: ${plural(users.value.length, "user")}.`);
    }
  } catch (error) {
    throw explainApiError(error);
  }

  const text = renderModule(data, canonicalCommand(options));
  try {
    await writeFile(out, text);
  } catch (error) {
    throw new InputError(`cannot write --out ${out}: ${(error as Error).message}`);
  }
  for (const note of notes) process.stderr.write(`note: ${note}\n`);
  said.push(`Wrote ${out} (${kb(Buffer.byteLength(text))}).`);
  if (previous) {
    const changes = changesSince(previous, data);
    said.push(
      changes.length === 0
        ? "No changes in the org since the previous import."
        : `Changes in the org since the previous import (${changes.length}):\n${changes.map((line) => `  ${line}`).join("\n")}`,
    );
  } else {
    const module = `./${basename(out, extname(out))}`;
    said.push(
      `Next: in the program, \`import { declareImported } from "${module}";\` and call \`declareImported();\`, then \`pulumi up\`.`,
    );
  }
  process.stdout.write(`${said.join("\n")}\n`);
  return EXIT.ok;
}
