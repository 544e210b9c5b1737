import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import { asaClient } from "../../provider/asa/settings";
import { scaikeyClient } from "../../provider/scaikey/settings";
import { secureframeClient } from "../../provider/secureframe/settings";
import { EXIT, InputError, UsageError } from "../errors";
import { plural } from "../plural";
import { explainApiError } from "./api-errors";
import { changesSince } from "./changes";
import { DATA_VERSION, type ImportedData } from "./model";
import { notOurs, readModuleData, renderModule } from "./module";
import { readAsaGroups } from "./read-asa";
import { readScaiKeyUsers } from "./read-scaikey";
import { readSecureframeUsers, type UserParts } from "./read-secureframe";
import { assertDistinct } from "./resource-names";
import { CliSettings, REQUIRED } from "./settings";
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
  --team NAME            the ASA team (default ASA_TEAM, or identity:asaTeam with --stack)
  --stack NAME           read the identity:* settings from this stack's config first, as the
                         providers do (runs \`pulumi config --show-secrets\` in this directory,
                         with the stack's backend and passphrase)
  -h, --help             show this help

Settings are the providers' (docs/configuration.md): the environment variables ASA_TEAM,
ASA_KEY_ID, ASA_KEY_SECRET, ASA_BASE_URL, SECUREFRAME_API_KEY, SECUREFRAME_API_SECRET,
SECUREFRAME_BASE_URL, SCAIKEY_BASE_URL, SCAIKEY_CLIENT_ID, SCAIKEY_CLIENT_SECRET, SCAIKEY_TENANT,
after the stack config with --stack. No secret is taken as a flag, printed or written.

Exit codes:
  0  the module was written
  1  an API refused or failed (the message says what to check), or FILE cannot be written, or
     FILE exists and was not written by this command
  2  usage error: an unknown option, a bad value, a missing or malformed setting
`;

function parts(option: string, text: string | undefined): UserParts | undefined {
  if (text === undefined) return undefined;
  const given = text.split(",").map((part) => part.trim());
  const bad = given.filter((part) => part !== "status" && part !== "attributes");
  if (bad.length > 0 || given.length === 0) {
    throw new UsageError(`${option} ${text}: use status, attributes, or status,attributes`);
  }
  return { status: given.includes("status"), attributes: given.includes("attributes") };
}

const partsText = (p: UserParts) =>
  [p.status ? "status" : "", p.attributes ? "attributes" : ""].filter(Boolean).join(",");

/** The options that decide the module's content, in one order: what its header names. */
function canonical(
  asa: boolean,
  sf?: UserParts,
  sk?: UserParts,
  team?: string,
  exclude: string[] = [],
) {
  return [
    "pulumi-identity import",
    asa ? "--asa groups" : "",
    sf ? `--secureframe ${partsText(sf)}` : "",
    sk ? `--scaikey ${partsText(sk)}` : "",
    team ? `--team ${team}` : "",
    ...[...exclude].sort().map((name) => `--exclude-group ${JSON.stringify(name)}`),
  ]
    .filter(Boolean)
    .join(" ");
}

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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export async function runImport(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: "string" },
      asa: { type: "string" },
      secureframe: { type: "string" },
      scaikey: { type: "string" },
      "exclude-group": { type: "string", multiple: true },
      team: { type: "string" },
      stack: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(importUsage);
    return EXIT.ok;
  }
  if (!values.out)
    throw new UsageError("--out FILE is required: the module to write, e.g. --out imported.ts");
  if (values.asa !== undefined && values.asa !== "groups") {
    throw new UsageError(`--asa ${values.asa}: the only ASA part is groups (--asa groups)`);
  }
  const sf = parts("--secureframe", values.secureframe);
  const sk = parts("--scaikey", values.scaikey);
  const asa = values.asa === "groups" || (!sf && !sk);
  const exclude = values["exclude-group"] ?? [];
  const out = values.out;

  const previous = await previousData(out);
  const stack = values.stack ? await readStackConfig(values.stack, process.cwd()) : undefined;
  const settings = new CliSettings(
    values.team ? { asaTeam: { value: values.team, flag: "--team" } } : {},
    stack,
  );
  settings.requireAll(
    [
      ...(asa ? REQUIRED.asa : []),
      ...(sf ? REQUIRED.secureframe : []),
      ...(sk ? REQUIRED.scaikey : []),
    ],
    { asaTeam: "--team" },
  );

  const data: ImportedData = { version: DATA_VERSION };
  const notes: string[] = [];
  const said: string[] = [];
  try {
    if (asa) {
      const client = asaClient(undefined, settings.get);
      const groups = await readAsaGroups(client, new Set(exclude));
      assertDistinct(
        groups.value.map((g) => g.resourceName),
        "groups",
      );
      data.asa = { team: client.team, groups: groups.value };
      notes.push(...groups.notes);
      const memberships = groups.value.reduce((n, g) => n + g.members.length, 0);
      const users = new Set(groups.value.flatMap((g) => g.members)).size;
      said.push(
        `Read ASA team "${client.team}": ${plural(groups.value.length, "group")}, ${plural(memberships, "membership")} of ${plural(users, "user")}.`,
      );
    }
    if (sf) {
      const users = await readSecureframeUsers(secureframeClient(settings.get), sf);
      assertDistinct(
        users.value.map((u) => u.resourceName),
        "Secureframe users",
      );
      data.secureframe = { users: users.value };
      notes.push(...users.notes);
      said.push(`Read Secureframe: ${plural(users.value.length, "user")}.`);
    }
    if (sk) {
      const client = scaikeyClient(undefined, settings.get);
      const users = await readScaiKeyUsers(client, sk);
      assertDistinct(
        users.value.map((u) => u.resourceName),
        "ScaiKey users",
      );
      data.scaikey = { tenantId: client.tenantId, users: users.value };
      notes.push(...users.notes);
      said.push(`Read ScaiKey tenant ${client.tenantId}: ${plural(users.value.length, "user")}.`);
    }
  } catch (error) {
    throw explainApiError(error, settings);
  }

  const text = renderModule(data, canonical(asa, sf, sk, values.team, exclude));
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
