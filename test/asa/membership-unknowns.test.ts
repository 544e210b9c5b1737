import assert from "node:assert/strict";
import { test } from "vitest";
import { groupMembershipProvider } from "../../provider/asa/group-membership";
import { UNKNOWN } from "../../provider/resource";
import { checked, failuresOf, routes, useAsaFixture } from "./fixture";

// At preview, a team or group taken from another resource's output reaches check as Pulumi's
// unknown placeholder: check must neither read a team by that name nor name a group by it.

const provider = groupMembershipProvider();
const asa = useAsaFixture();

test("a group not known yet: a bad member is refused naming the team, not the placeholder", async () => {
  const failures = await failuresOf(provider, { group: UNKNOWN, members: ["no.such.user"] });
  assert.deepEqual(
    failures.map((f) => f.reason),
    [
      `members: 1 of the users cannot join the group in team "${asa.team}": no.such.user (no such user); fix or remove them (usernames are case-sensitive)`,
    ],
  );
});

test("a team not known yet: check passes without reading any team", async () => {
  const inputs = await checked(provider, {
    team: UNKNOWN,
    group: "eng",
    members: ["no.such.user"],
  });
  assert.equal(inputs.team, UNKNOWN);
  assert.equal(await asa.count(routes.getUser), 0);
  assert.equal(await asa.requests(), 0);
});
