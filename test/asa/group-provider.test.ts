import assert from "node:assert/strict";
import { describe, expect, test } from "vitest";
import { groupProvider } from "../../provider/asa/group";

const provider = groupProvider();

import { UNKNOWN } from "../../provider/resource";
import { checked, created, failuresOf, routes, useAsaFixture } from "./fixture";

const asa = useAsaFixture();

describe("check", () => {
  test("normalises: roles deduplicated and sorted, name trimmed, team from config, adopt false", async () => {
    const inputs = await checked(provider, {
      name: " engineering ",
      roles: ["reporting_user", "access_user", "reporting_user"],
    });
    assert.deepEqual(inputs, {
      name: "engineering",
      roles: ["access_user", "reporting_user"],
      team: asa.team,
      adopt: false,
    });
  });

  test("each bad input names the property and the fix", async () => {
    const failures = await failuresOf(provider, {
      name: "",
      roles: ["access_user", "admin"],
      team: 42,
      adopt: "yes",
      colour: "blue",
    });
    // The reasons start with the property path; the engine gets no separate property (see forEngine).
    assert.ok(failures.every((f) => f.property === ""));
    const reasons = failures.map((f) => f.reason);
    assert.deepEqual(reasons, [
      'name: "" is not a group name; give the group\'s name, e.g. "compsons"',
      'roles[1]: "admin" is not an ASA role; use one of access_user, access_admin, reporting_user, server_admin',
      'team: 42 is not a team name; give the ASA team\'s name, e.g. "william-faulkner", or leave team out to use identity:asaTeam',
      'adopt: must be true or false, not "yes"',
      'colour: asa.Group has no argument "colour"; remove it or use one of name, roles, team, adopt',
    ]);
  });

  test("missing name and roles say what to give", async () => {
    const reasons = (await failuresOf(provider, {})).map((f) => f.reason);
    assert.deepEqual(reasons, [
      'name: required: the group\'s name, e.g. "compsons"',
      'roles: required: the roles the group grants, e.g. ["access_user"]; use [] for none (roles: access_user, access_admin, reporting_user, server_admin)',
    ]);
  });

  test("unknown values in a preview pass without failures", async () => {
    const result = await provider.check?.({}, { name: UNKNOWN, roles: ["access_user", UNKNOWN] });
    assert.deepEqual(result?.failures, []);
    assert.deepEqual(result?.inputs, {
      name: UNKNOWN,
      roles: ["access_user", UNKNOWN],
      team: asa.team,
      adopt: false,
    });
  });
});

describe("diff", () => {
  const olds = {
    name: "eng",
    team: "william-faulkner",
    roles: ["access_user"],
    adopt: false,
    groupId: "x",
    __provider: "old code",
  };
  const news = { name: "eng", team: "william-faulkner", roles: ["access_user"], adopt: false };

  test("a new package version (__provider) or adopt alone is no change", async () => {
    assert.deepEqual(
      await provider.diff?.("william-faulkner/eng", olds, {
        ...news,
        adopt: true,
        __provider: "new code",
      }),
      {
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
      },
    );
  });

  test("new roles update in place", async () => {
    assert.deepEqual(
      await provider.diff?.("william-faulkner/eng", olds, { ...news, roles: ["access_admin"] }),
      { changes: true, replaces: [], deleteBeforeReplace: false },
    );
  });

  test("a new name or team replaces, deleting the old group first", async () => {
    assert.deepEqual(
      await provider.diff?.("william-faulkner/eng", olds, { ...news, name: "ops", team: "other" }),
      { changes: true, replaces: ["name", "team"], deleteBeforeReplace: true },
    );
  });

  test("an unknown name in a preview is a replacement", async () => {
    assert.deepEqual(
      await provider.diff?.("william-faulkner/eng", olds, { ...news, name: UNKNOWN }),
      {
        changes: true,
        replaces: ["name"],
        deleteBeforeReplace: true,
      },
    );
  });
});

describe("create", () => {
  test("POSTs the group; ID team/name; outputs echo the inputs", async () => {
    const { id, outs } = await created(provider, { name: "engineering", roles: ["access_user"] });
    assert.equal(id, `${asa.team}/engineering`);
    const stored = await asa.emulator.control.asa.group(asa.team, "engineering");
    assert.deepEqual(outs, {
      name: "engineering",
      team: asa.team,
      roles: ["access_user"],
      adopt: false,
      groupId: stored.id,
    });
    assert.deepEqual(stored.roles, ["access_user"]);
  });

  test("an existing group without adopt: fails saying it exists and how to adopt it", async () => {
    const inputs = await checked(provider, { name: "compsons", roles: ["access_user"] });
    await expect(provider.create(inputs)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: Cannot create group "compsons" in team "william-faulkner": it already exists. To manage the existing group with this resource, set adopt: true on it (its roles then become ["access_user"]); or give the resource another name.]`,
    );
    assert.equal(await asa.count(routes.updateGroup), 0);
  });

  test("an existing group with the declared roles but members is still refused without adopt", async () => {
    // compsons has Benjy as a member: not what an interrupted create of this resource leaves.
    const inputs = await checked(provider, {
      name: "compsons",
      roles: ["access_admin", "access_user", "reporting_user"],
    });
    await assert.rejects(provider.create(inputs), /it already exists/);
  });

  test("an empty group with exactly the declared roles (an interrupted create) is taken over, writing nothing", async () => {
    await asa.byHand.createGroup(asa.team, {
      name: "half-made",
      roles: ["access_user"],
    });
    await asa.emulator.control.clearCounters();
    const { id, outs } = await created(provider, { name: "half-made", roles: ["access_user"] });
    assert.equal(id, `${asa.team}/half-made`);
    assert.deepEqual(outs.roles, ["access_user"]);
    assert.equal(await asa.writes(), 1, "only the create that met the 409");
    assert.equal(await asa.count(routes.createGroup), 1);
  });

  test("adopt with the same roles reads the group and writes nothing at all", async () => {
    const { id, outs } = await created(provider, {
      name: "compsons",
      roles: ["access_admin", "access_user", "reporting_user"],
      adopt: true,
    });
    assert.equal(id, `${asa.team}/compsons`);
    assert.equal(outs.groupId, "5e41a7d8-4b81-49db-b552-3cb1f3ec936c");
    assert.equal(await asa.count(routes.createGroup), 0);
    assert.equal(await asa.count(routes.updateGroup), 0);
  });

  test("adopt creates the group when it does not exist yet", async () => {
    const { outs } = await created(provider, {
      name: "new-team",
      roles: ["access_user"],
      adopt: true,
    });
    assert.deepEqual(outs.roles, ["access_user"]);
    assert.equal(await asa.count(routes.createGroup), 1);
    assert.ok(await asa.emulator.control.asa.group(asa.team, "new-team"));
  });

  test("adopt with other roles sets them", async () => {
    const { outs } = await created(provider, {
      name: "compsons",
      roles: ["access_user"],
      adopt: true,
    });
    assert.deepEqual(outs.roles, ["access_user"]);
    assert.deepEqual((await asa.emulator.control.asa.group(asa.team, "compsons")).roles, [
      "access_user",
    ]);
    assert.equal(await asa.count(routes.updateGroup), 1);
  });

  test("adopting a federated group with other roles is refused with the reason", async () => {
    const inputs = await checked(provider, { name: "sartoris", roles: [], adopt: true });
    await assert.rejects(provider.create(inputs), (err: Error) => {
      assert.match(
        err.message,
        /^Cannot set the roles of group "sartoris" in team "william-faulkner": /,
      );
      assert.match(err.message, /federated from team "yoknapatawpha-county"/);
      return true;
    });
    assert.equal(await asa.count(routes.updateGroup), 0);
  });
});

describe("read", () => {
  test("returns the live roles as props and inputs (drift made in the console)", async () => {
    const { id, outs } = await created(provider, { name: "eng", roles: ["access_user"] });
    await asa.byHand.updateGroup(asa.team, "eng", {
      roles: ["reporting_user", "access_admin"],
    });
    const result = await provider.read?.(id, outs);
    assert.deepEqual(result, {
      id,
      props: { ...outs, roles: ["access_admin", "reporting_user"] },
      inputs: {
        name: "eng",
        team: asa.team,
        roles: ["access_admin", "reporting_user"],
        adopt: false,
      },
    });
  });

  test("a soft-deleted group (deleted_at a real time) is gone", async () => {
    const { id, outs } = await created(provider, { name: "eng", roles: [] });
    await asa.byHand.updateGroup(asa.team, "eng", {
      deleted_at: "2026-01-02T03:04:05Z",
    });
    assert.deepEqual(await provider.read?.(id, outs), {});
  });

  test("a group that does not exist (404) is gone", async () => {
    const { id, outs } = await created(provider, { name: "eng", roles: [] });
    await asa.byHand.deleteGroup(asa.team, "eng");
    assert.deepEqual(await provider.read?.(id, outs), {});
  });

  test("a live group reads as live whether deleted_at is null or the Go zero time", async () => {
    for (const liveGroupDeletedAt of ["null", "zero-time"] as const) {
      await asa.emulator.control.setSettings({ asa: { liveGroupDeletedAt } });
      const read = await provider.read?.(`${asa.team}/compsons`, {});
      assert.equal(read?.id, `${asa.team}/compsons`, liveGroupDeletedAt);
      assert.equal(read?.props.name, "compsons");
    }
  });
});

describe("update and delete", () => {
  test("update PUTs the roles", async () => {
    const { id, outs, inputs } = await created(provider, { name: "eng", roles: ["access_user"] });
    const news = await checked(provider, { name: "eng", roles: ["access_admin"] }, inputs);
    const result = await provider.update?.(id, outs, news);
    assert.deepEqual(result?.outs, { ...outs, roles: ["access_admin"] });
    assert.deepEqual((await asa.emulator.control.asa.group(asa.team, "eng")).roles, [
      "access_admin",
    ]);
  });

  test("update and delete of a federated group are refused with the reason", async () => {
    const read = await provider.read?.(`${asa.team}/sartoris`, {});
    assert.ok(read?.props);
    const news = { ...read.inputs, roles: [] };
    await assert.rejects(
      provider.update?.(read.id ?? "", read.props, news) ?? Promise.resolve(),
      /federated from team "yoknapatawpha-county"/,
    );
    await assert.rejects(
      provider.delete?.(read.id ?? "", read.props) ?? Promise.resolve(),
      /^Error: Cannot delete group "sartoris"/,
    );
    assert.equal(await asa.writes(), 0);
  });

  test("delete removes the group; deleting it again (404) is done", async () => {
    const { id, outs } = await created(provider, { name: "eng", roles: [] });
    await provider.delete?.(id, outs);
    assert.deepEqual(await provider.read?.(id, outs), {});
    await asa.byHand.deleteGroup(asa.team, "eng");
    await provider.delete?.(id, outs);
  });

  test("after a delete, the same name can be created again", async () => {
    const first = await created(provider, { name: "eng", roles: [] });
    await provider.delete?.(first.id, first.outs);
    const second = await created(provider, { name: "eng", roles: ["access_user"] });
    assert.notEqual(second.outs.groupId, first.outs.groupId);
  });
});
