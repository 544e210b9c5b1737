import type * as pulumi from "@pulumi/pulumi";
import { Role } from "../../provider/asa/schemas";
import { IdentityResource } from "../identity-resource";

import groupHandle = require("../../provider/handles/asa-group");

export interface GroupArgs {
  /** The group's name, unique in its team. Changing it replaces the group (the old one is deleted first). */
  name: pulumi.Input<string>;
  /** The roles the group grants (`access_user`, `access_admin`, `reporting_user`, `server_admin`);
   * `[]` for none. Order and duplicates do not matter. */
  roles: pulumi.Input<pulumi.Input<Role>[]>;
  /** The ASA team; default `identity:asaTeam` (else `ASA_TEAM`). Changing it replaces the group. */
  team?: pulumi.Input<string>;
  /** If a group of this name already exists, manage it (setting its roles) instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** The roles an ASA group can grant, e.g. to validate a roster file before declaring groups. */
export const roles: readonly Role[] = Role.options;

const brand = Symbol.for("pulumi-identity:asa:Group");

/**
 * An Okta Advanced Server Access group and the roles it grants. ID: `team/name`.
 * `pulumi refresh` drops it from state when it was deleted (or soft-deleted) in ASA.
 */
export class Group extends IdentityResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly team: pulumi.Output<string>;
  /** Sorted, without duplicates. */
  declare readonly roles: pulumi.Output<Role[]>;
  declare readonly adopt: pulumi.Output<boolean>;
  /** The group's id in ASA (a UUID). */
  declare readonly groupId: pulumi.Output<string>;

  /** Whether `value` is a Group, even one from another copy of this package. */
  static override isInstance(value: unknown): value is Group {
    return typeof value === "object" && value !== null && brand in value;
  }

  constructor(name: string, args: GroupArgs, opts?: pulumi.CustomResourceOptions) {
    // Arguments not listed here go to the provider, whose check refuses them by name.
    super(groupHandle, "asa", "Group", name, { ...args, groupId: undefined }, opts);
    Object.defineProperty(this, brand, { value: true });
  }
}
