import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { describe, test } from "vitest";
import { type Claim, MembershipOwners, unlessOwned } from "../../sdk/asa/membership-owners";

// The program-side rule behind "two owners of one group are refused".

const claim = (name: string, mode: Claim["mode"], members: string[], group = "eng"): Claim => ({
  name,
  team: "Acme ",
  group,
  mode,
  members,
});

describe("owners of one group's members", () => {
  test("an authoritative membership and any other of the same group: the second fails naming both", () => {
    const owners = new MembershipOwners();
    owners.claim(claim("owners", "authoritative", ["a"]));
    assert.throws(() => owners.claim(claim("helpers", "additive", ["b"])), {
      message: `asa.GroupMembership "owners" and "helpers" both manage the members of group "eng" in team "acme", and "owners" is authoritative: it owns the whole member list and would remove the other's members, which would put them back, and so on. Declare the group's members in one resource, or make both mode: "additive" with different members.`,
    });
    assert.throws(
      () => owners.claim(claim("late", "authoritative", ["c"])),
      /"owners" and "late" both manage/,
    );
  });

  test("two additive memberships: side by side with different members, refused when they share one", () => {
    const owners = new MembershipOwners();
    owners.claim(claim("ops", "additive", ["a", "b"]));
    owners.claim(claim("dev", "additive", ["c"]));
    assert.throws(
      () => owners.claim(claim("qa", "additive", ["d", " b "])),
      /"ops" and "qa" both manage the members of group "eng" in team "acme", and both list "b": removing one/,
    );
  });

  test("another group, another team, or the same resource again, is no conflict", () => {
    const owners = new MembershipOwners();
    owners.claim(claim("one", "authoritative", ["a"]));
    owners.claim(claim("two", "authoritative", ["a"], "ops"));
    owners.claim({ ...claim("three", "authoritative", ["a"]), team: "other" });
    owners.claim(claim("one", "authoritative", ["a", "b"]));
  });
});

describe("the claim in a program", () => {
  test("passes the value on once claimed, taking the team from ASA_TEAM when none is given, and never secret", async () => {
    const owners = new MembershipOwners();
    process.env.ASA_TEAM = "ACME";
    try {
      const out = unlessOwned(
        "first",
        { team: undefined, group: "eng", mode: undefined, members: pulumi.secret(["a"]) },
        pulumi.output("urn-of-first"),
        owners,
      );
      assert.equal(await pulumi.isSecret(out), false);
      assert.equal(
        await (out as unknown as { promise(): Promise<string> }).promise(),
        "urn-of-first",
      );
    } finally {
      delete process.env.ASA_TEAM;
    }
    assert.throws(
      () => owners.claim(claim("second", "additive", ["b"])),
      /"first" and "second" .* team "acme"/,
    );
  });
});
