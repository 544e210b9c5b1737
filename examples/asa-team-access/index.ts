import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { asa } from "pulumi-identity";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";

const rosterFile = "roster.yaml";
const knownRoles = asa.roles;

interface RosterGroup {
  name: string;
  roles: asa.Role[];
  members: string[];
}

/** The roster's groups; any mistake stops the program (and the preview) naming its entry. */
function readRoster(file: string): RosterGroup[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter });
  if (doc.errors.length > 0) {
    throw new pulumi.RunError(`${file} is not valid YAML: ${doc.errors[0]?.message}`);
  }
  const entries = doc.get("groups", true);
  if (!isSeq(entries)) throw new pulumi.RunError(`${file} needs a list of groups under "groups:"`);

  const problems: string[] = [];
  const seen = new Map<string, number>();
  const groups = entries.items.map((item, index): RosterGroup => {
    const line = isMap(item) && item.range ? lineCounter.linePos(item.range[0]).line : undefined;
    const entry: Record<string, unknown> = isMap(item) ? item.toJSON() : {};
    const { name, roles, members } = entry;
    const where = `line ${line ?? "?"}, group ${typeof name === "string" ? `"${name}"` : `#${index + 1}`}`;
    const problem = (text: string) => problems.push(`${where}: ${text}`);

    if (!isMap(item)) problem("expected name, roles and members");
    for (const key of Object.keys(entry)) {
      if (!["name", "roles", "members"].includes(key)) problem(`unknown key "${key}"`);
    }
    if (typeof name !== "string" || name.trim() === "") problem("name is missing");
    else if (seen.has(name)) problem(`"${name}" is already declared on line ${seen.get(name)}`);
    else seen.set(name, line ?? 0);
    if (!Array.isArray(roles)) problem("roles is missing (write roles: [] for none)");
    else {
      for (const role of roles) {
        if (!knownRoles.includes(role)) {
          problem(`unknown role ${JSON.stringify(role)} (roles: ${knownRoles.join(", ")})`);
        }
      }
    }
    if (!Array.isArray(members)) problem("members is missing (write members: [] for none)");
    else if (members.some((m) => typeof m !== "string" || m.trim() === "")) {
      problem("every member must be an ASA username");
    }
    return { name, roles, members } as RosterGroup;
  });
  if (problems.length > 0) {
    throw new pulumi.RunError(`${file} has mistakes:\n  ${problems.join("\n  ")}`);
  }
  return groups;
}

/** Group name → its members as ASA has them after `pulumi up`. */
export const members: Record<string, pulumi.Output<string[]>> = {};

for (const { name, roles, members: usernames } of readRoster(rosterFile)) {
  const group = new asa.Group(name, { name, roles });
  // Authoritative (the default): the roster is the whole list. Anyone added to the group by hand
  // shows in `pulumi preview --refresh --diff`, and `pulumi up --refresh` removes them.
  const membership = new asa.GroupMembership(`${name}-members`, { group, members: usernames });
  members[name] = membership.members;
}
