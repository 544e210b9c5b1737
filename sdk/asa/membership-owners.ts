import * as pulumi from "@pulumi/pulumi";
import type { MembershipMode } from "../../provider/asa/group-membership-inputs";
import { configNamespace, settings } from "../../provider/config";

/** One asa.GroupMembership of the program, as the values it was given resolve. */
interface Owner {
  name: string;
  mode: MembershipMode;
  members: ReadonlySet<string>;
}

// Shared by every copy of this package loaded in the program.
const key = Symbol.for("pulumi-identity.asa.membership-owners");
const registry = globalThis as { [key]?: Map<string, Owner[]> };
registry[key] ??= new Map<string, Owner[]>();
const owners = registry[key];

function listed(names: readonly string[]): string {
  const shown = names
    .slice(0, 10)
    .map((name) => `"${name}"`)
    .join(", ");
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

function conflict(mine: Owner, other: Owner, where: string): string | undefined {
  const both = `asa.GroupMembership "${other.name}" and "${mine.name}" both manage the members of ${where}`;
  if (mine.mode === "authoritative" || other.mode === "authoritative") {
    const owner = other.mode === "authoritative" ? other.name : mine.name;
    return `${both}, and "${owner}" is authoritative: it owns the whole member list and would remove the other's members, which would put them back, and so on. Declare the group's members in one resource, or make both mode: "additive" with different members.`;
  }
  const shared = [...mine.members].filter((name) => other.members.has(name)).sort();
  if (shared.length === 0) return undefined;
  return `${both}, and both list ${listed(shared)}: removing one from either would leave the other wrong. List each member in one of them only.`;
}

interface Claim {
  team: pulumi.Input<string> | undefined;
  group: pulumi.Input<string>;
  mode: pulumi.Input<MembershipMode> | undefined;
  members: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * Refuses a second owner of a group's members in this program: `value` resolves once this
 * membership's team, group, mode and members are known and no other membership of the group
 * conflicts with it; otherwise it fails with both resources named. Threaded into an input, it
 * fails the preview when the values are known then, and stops the second resource before it
 * writes when they are known only during `up`. Other stacks and programs are out of its sight.
 */
export function unlessOwned<T>(
  name: string,
  claim: Claim,
  value: pulumi.Output<T>,
): pulumi.Output<T> {
  const checked = pulumi
    .all([claim.team, claim.group, claim.mode, claim.members, value])
    .apply(([team, group, mode, members, passed]) => {
      const teamName = (
        team ??
        new pulumi.Config(configNamespace).get("asaTeam") ??
        process.env[settings.asaTeam.env]
      )
        ?.trim()
        .toLowerCase();
      if (!teamName || typeof group !== "string" || !Array.isArray(members)) return passed;
      const where = `group "${group.trim()}" in team "${teamName}"`;
      const mine: Owner = {
        name,
        mode: mode ?? "authoritative",
        members: new Set(members.map((member) => String(member).trim())),
      };
      const id = `${teamName}/${group.trim()}`;
      const others = owners.get(id) ?? [];
      for (const other of others) {
        if (other.name === name) continue;
        const problem = conflict(mine, other, where);
        if (problem) throw new Error(problem);
      }
      owners.set(id, [...others.filter((other) => other.name !== name), mine]);
      return passed;
    });
  // The URN is no secret, even when the members it was checked against are.
  return pulumi.unsecret(checked) as pulumi.Output<T>;
}
