import * as pulumi from "@pulumi/pulumi";
import { configNamespace, settings } from "../../provider/config";
import type { MembershipMode } from "./types";

/** One asa.GroupMembership's claim on a group, once its values are known. */
export interface Claim {
  /** The resource's name in the program. */
  name: string;
  team: string;
  group: string;
  mode: MembershipMode;
  members: readonly string[];
}

function listed(names: readonly string[]): string {
  const shown = names
    .slice(0, 10)
    .map((name) => `"${name}"`)
    .join(", ");
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

function conflict(mine: Claim, other: Claim): string | undefined {
  const both = `asa.GroupMembership "${other.name}" and "${mine.name}" both manage the members of group "${mine.group}" in team "${mine.team}"`;
  if (mine.mode === "authoritative" || other.mode === "authoritative") {
    const owner = other.mode === "authoritative" ? other.name : mine.name;
    return `${both}, and "${owner}" is authoritative: it owns the whole member list and would remove the other's members, which would put them back, and so on. Declare the group's members in one resource, or make both mode: "additive" with different members.`;
  }
  const theirs = new Set(other.members);
  const shared = mine.members.filter((name) => theirs.has(name)).sort();
  if (shared.length === 0) return undefined;
  return `${both}, and both list ${listed(shared)}: removing one from either would leave the other wrong. List each member in one of them only.`;
}

/**
 * Who manages which group's members in one program: a second owner of a group is refused when
 * either is authoritative, or when two additive ones list the same user.
 */
export class MembershipOwners {
  private readonly claims = new Map<string, Claim[]>();

  /** Records the claim, or throws naming both resources when another one conflicts with it. */
  claim(claim: Claim): void {
    const normalized: Claim = {
      ...claim,
      team: claim.team.trim().toLowerCase(),
      group: claim.group.trim(),
      members: claim.members.map((member) => member.trim()),
    };
    const key = `${normalized.team}/${normalized.group}`;
    const others = (this.claims.get(key) ?? []).filter((other) => other.name !== claim.name);
    for (const other of others) {
      const problem = conflict(normalized, other);
      if (problem) throw new Error(problem);
    }
    this.claims.set(key, [...others, normalized]);
  }
}

// One registry for the program, shared by every copy of this package it loads.
const key = Symbol.for("pulumi-identity.asa.membership-owners");
const registry = globalThis as { [key]?: MembershipOwners };
registry[key] ??= new MembershipOwners();
const programOwners = registry[key];

interface ClaimInputs {
  team: pulumi.Input<string> | undefined;
  group: pulumi.Input<string>;
  mode: pulumi.Input<MembershipMode> | undefined;
  members: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * `value`, once this membership's team, group, mode and members are known and no other
 * membership of the program conflicts with them. Threaded into an input, it fails the preview
 * when the values are known then, and stops the second resource before it writes when they are
 * known only during `up`. Other stacks and programs are out of its sight.
 */
export function unlessOwned<T>(
  name: string,
  inputs: ClaimInputs,
  value: pulumi.Output<T>,
  owners: MembershipOwners = programOwners,
): pulumi.Output<T> {
  const checked = pulumi
    .all([inputs.team, inputs.group, inputs.mode, inputs.members, value])
    .apply(([team, group, mode, members, passed]) => {
      // The team as the provider takes it: the resource's, else identity:asaTeam, else ASA_TEAM.
      const teamName =
        team ??
        new pulumi.Config(configNamespace).get("asaTeam") ??
        process.env[settings.asaTeam.env];
      if (teamName && typeof group === "string" && Array.isArray(members)) {
        owners.claim({
          name,
          team: teamName,
          group,
          mode: mode ?? "authoritative",
          members: members.map(String),
        });
      }
      return passed;
    });
  // The URN is no secret, even when the members it was checked against are.
  return pulumi.unsecret(checked) as pulumi.Output<T>;
}
