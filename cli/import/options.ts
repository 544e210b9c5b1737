import { parseArgs } from "node:util";
import { settings } from "../../provider/config";
import { UsageError } from "../errors";

// The import's command line: what to read, where to write. Settings (credentials, base URLs,
// limits) are not flags: they are the providers' (provider/config.ts), read from --stack's
// config, then the environment.

/** Which values of each user an import declares. */
export interface UserParts {
  status: boolean;
  attributes: boolean;
}

export interface ImportOptions {
  out: string;
  asa: boolean;
  secureframe?: UserParts;
  scaikey?: UserParts;
  excludeGroups: string[];
  team?: string;
  stack?: string;
}

const PARTS_FIX = "give status, attributes, or status,attributes";

function parts(flag: string, text: string | undefined): UserParts | undefined {
  if (text === undefined) return undefined;
  const given = text.split(",").map((part) => part.trim());
  const bad = given.filter((part) => part !== "status" && part !== "attributes");
  if (bad.length > 0) {
    throw new UsageError(
      `${flag} ${JSON.stringify(text)}: ${bad.map((part) => JSON.stringify(part)).join(", ")} is not a part; ${PARTS_FIX}`,
    );
  }
  return { status: given.includes("status"), attributes: given.includes("attributes") };
}

const partsText = (p: UserParts) =>
  [p.status ? "status" : "", p.attributes ? "attributes" : ""].filter(Boolean).join(",");

/** The options of `args`, or undefined for --help; a wrong one is a UsageError naming it. */
export function parseImportOptions(args: string[]): ImportOptions | undefined {
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
  if (values.help) return undefined;
  if (!values.out)
    throw new UsageError("--out FILE is required: the module to write, e.g. --out imported.ts");
  if (values.asa !== undefined && values.asa !== "groups") {
    throw new UsageError(
      `--asa ${JSON.stringify(values.asa)}: the ASA part an import reads is groups; give --asa groups`,
    );
  }
  const problem = values.team === undefined ? undefined : settings.asaTeam.check?.(values.team);
  if (problem || values.team === "")
    throw new UsageError(
      `--team ${JSON.stringify(values.team)} is ${problem ?? "empty; give the ASA team's name"}`,
    );
  if (values.stack === "") throw new UsageError(`--stack "" is empty; give the stack's name`);
  const secureframe = parts("--secureframe", values.secureframe);
  const scaikey = parts("--scaikey", values.scaikey);
  const asaFlags = [values.team && "--team", values["exclude-group"] && "--exclude-group"];
  const asaOnly = asaFlags.filter((flag): flag is string => typeof flag === "string");
  if (asaOnly.length > 0 && values.asa === undefined && (secureframe || scaikey)) {
    throw new UsageError(
      `${asaOnly.join(" and ")} ${asaOnly.length > 1 ? "are" : "is"} about ASA groups, which this import does not read (--secureframe or --scaikey alone leave them out); add --asa groups`,
    );
  }
  return {
    out: values.out,
    asa: values.asa === "groups" || (!secureframe && !scaikey),
    ...(secureframe ? { secureframe } : {}),
    ...(scaikey ? { scaikey } : {}),
    excludeGroups: values["exclude-group"] ?? [],
    ...(values.team ? { team: values.team.trim().toLowerCase() } : {}),
    ...(values.stack ? { stack: values.stack } : {}),
  };
}

/**
 * The command that gives the module it wrote, in one order, without --out or --stack (the module
 * is the same wherever it is written and whichever stack's settings were used): its header.
 */
export function canonicalCommand(options: ImportOptions): string {
  const { asa, secureframe, scaikey, team, excludeGroups } = options;
  return [
    "pulumi-identity import",
    asa ? "--asa groups" : "",
    secureframe ? `--secureframe ${partsText(secureframe)}` : "",
    scaikey ? `--scaikey ${partsText(scaikey)}` : "",
    team ? `--team ${JSON.stringify(team)}` : "",
    ...[...new Set(excludeGroups)].sort().map((name) => `--exclude-group ${JSON.stringify(name)}`),
  ]
    .filter(Boolean)
    .join(" ");
}
