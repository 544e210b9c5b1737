// asa.Group's edges: create racing other writers (409s, groups made or deleted in between), what
// read and delete do with IDs and states that name no team, adopt kept through a read, the
// warning when an interrupted create is taken over; and under it the pieces those rest on: the
// client built from the settings, the soft-delete test of `deleted_at`, the fields read from an
// error body, and the group view forgetting a failed read.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { explainAccessError } from "../../provider/access-errors";
import type { AsaClient } from "../../provider/asa/client";
import { asaClient } from "../../provider/asa/configured-client";
import { groupProvider } from "../../provider/asa/group";
import { GroupView } from "../../provider/asa/group-view";
import { errorFields, type Group, isSoftDeleted } from "../../provider/asa/schemas";
import { ApiError } from "../../provider/errors";
import { withProgress } from "../../provider/progress/context";
import { ResourceProgress } from "../../provider/progress/resource-progress";
import { settingsReader } from "../harness/settings";
import { checked, clientOverriding, created, routes, useAsaFixture } from "./fixture";

const provider = groupProvider();

const asa = useAsaFixture();

/** A provider whose client is the real one but for the methods given. */
const providerWith = (overrides: (real: AsaClient) => Partial<AsaClient>) =>
  groupProvider(clientOverriding(overrides));

describe("create meeting a group that already exists", () => {
  test("without adopt, an empty group with other roles is refused, not taken over", async () => {
    await asa.byHand.createGroup(asa.team, { name: "half-made", roles: ["access_admin"] });
    const inputs = await checked(provider, { name: "half-made", roles: ["access_user"] });
    await assert.rejects(provider.create(inputs), /it already exists/);
    assert.deepEqual((await asa.emulator.control.asa.group(asa.team, "half-made")).roles, [
      "access_admin",
    ]);
  });

  test("without adopt, an empty federated group with the declared roles is refused", async () => {
    await asa.byHand.createGroup(asa.team, {
      name: "from-afar",
      roles: ["access_user"],
      federated_from_team: "yoknapatawpha-county",
    });
    const inputs = await checked(provider, { name: "from-afar", roles: ["access_user"] });
    await assert.rejects(provider.create(inputs), /it already exists/);
  });

  test("whether the group has members is asked with a single-member page", async () => {
    await asa.byHand.createGroup(asa.team, { name: "half-made", roles: ["access_user"] });
    const pages: unknown[] = [];
    const recording = providerWith((real) => ({
      listGroupUsers: (group, filters) => {
        pages.push(filters);
        return real.listGroupUsers(group, filters);
      },
    }));
    const { outs } = await created(recording, { name: "half-made", roles: ["access_user"] });
    assert.deepEqual(outs.roles, ["access_user"]);
    assert.deepEqual(pages, [{ count: 1 }]);
  });

  test("taking over an interrupted create warns on the resource's row", async () => {
    await asa.byHand.createGroup(asa.team, { name: "half-made", roles: ["access_user"] });
    const warnings: string[] = [];
    const log = { info() {}, warning: (_urn: string, message: string) => warnings.push(message) };
    const progress = new ResourceProgress("urn:x", "asa.Group half-made", log);
    const inputs = await checked(provider, { name: "half-made", roles: ["access_user"] });
    await withProgress(progress, () => provider.create(inputs));
    assert.deepEqual(warnings, [
      `asa.Group half-made: group "half-made" in team "${asa.team}" already existed, with no members and exactly the declared roles (as a \`pulumi up\` interrupted while creating it leaves it): managed from now on as this resource's.`,
    ]);
  });

  test("a create refused for another reason than a conflict fails with that refusal", async () => {
    await asa.emulator.control.setFaults({
      asa: { echoes: { status: 403, methods: ["POST"], paths: ["/groups"] } },
    });
    const inputs = await checked(provider, { name: "eng", roles: [] });
    await assert.rejects(provider.create(inputs), (err: Error) => {
      assert.ok(err instanceof ApiError, String(err));
      assert.equal(err.status, 403);
      return true;
    });
  });

  test("with adopt, a group made by someone else between the read and the create is adopted", async () => {
    const racing = providerWith((real) => ({
      createGroup: async (group) => {
        await asa.emulator.control.asa.createGroup(asa.team, {
          name: group.name,
          roles: ["access_admin"],
          members: ["Benjy.Compson"],
        });
        return real.createGroup(group);
      },
    }));
    const result = await created(racing, { name: "eng", roles: ["access_user"], adopt: true });
    const stored = await asa.emulator.control.asa.group(asa.team, "eng");
    assert.deepEqual(result, {
      inputs: { name: "eng", roles: ["access_user"], team: asa.team, adopt: true },
      id: `${asa.team}/eng`,
      outs: {
        name: "eng",
        team: asa.team,
        roles: ["access_user"],
        adopt: true,
        groupId: stored.id,
      },
    });
    assert.deepEqual(stored.roles, ["access_user"]);
  });

  test("with adopt, a 409 for a group that then reads as missing says to try again", async () => {
    await asa.emulator.control.setFaults({
      asa: { echoes: { status: 409, methods: ["POST"], paths: ["/groups"] } },
    });
    const inputs = await checked(provider, { name: "eng", roles: [], adopt: true });
    await assert.rejects(provider.create(inputs), {
      message: `Cannot adopt group "eng" in team "${asa.team}": ASA said it exists, then that it does not; try again.`,
    });
  });
});

describe("read", () => {
  test("an imported group (no stored state) reads with adopt false", async () => {
    const read = await provider.read?.(`${asa.team}/compsons`, {});
    const stored = await asa.emulator.control.asa.group(asa.team, "compsons");
    const inputs = {
      name: "compsons",
      team: asa.team,
      roles: ["access_admin", "access_user", "reporting_user"],
      adopt: false,
    };
    assert.deepEqual(read, {
      id: `${asa.team}/compsons`,
      props: { ...inputs, groupId: stored.id },
      inputs,
    });
  });

  test("an adopted group keeps adopt: true through a refresh", async () => {
    const { id, outs } = await created(provider, {
      name: "compsons",
      roles: ["access_admin", "access_user", "reporting_user"],
      adopt: true,
    });
    const read = await provider.read?.(id, outs);
    assert.equal(read?.inputs?.adopt, true);
    assert.equal(read?.props?.adopt, true);
  });

  test("an ID and state that name no team (or no group) read as gone, never the default team's group", async () => {
    assert.deepEqual(await provider.read?.("compsons", { name: "compsons" }), {});
    assert.deepEqual(await provider.read?.("compsons", {}), {});
    assert.deepEqual(await provider.read?.("compsons", { team: asa.team }), {});
  });
});

describe("diff", () => {
  const olds = { name: "eng", team: "william-faulkner", adopt: false, groupId: "x" };
  const news = { name: "eng", team: "william-faulkner", adopt: false };

  test("roles stored in another order or repeated are no change", async () => {
    const diff = await provider.diff?.(
      "william-faulkner/eng",
      { ...olds, roles: ["reporting_user", "access_user", "access_user"] },
      { ...news, roles: ["access_user", "reporting_user"] },
    );
    assert.equal(diff?.changes, false);
  });

  test("a state without roles compares as no roles", async () => {
    const diff = await provider.diff?.("william-faulkner/eng", olds, { ...news, roles: [] });
    assert.equal(diff?.changes, false);
  });
});

describe("update and delete", () => {
  test("an update of a federated group says which change was refused", async () => {
    const read = await provider.read?.(`${asa.team}/sartoris`, {});
    assert.ok(read?.props);
    await assert.rejects(
      provider.update?.(read.id ?? "", read.props, { ...read.inputs, roles: [] }) ??
        Promise.resolve(),
      /^Error: Cannot set the roles of group "sartoris" in team "william-faulkner": /,
    );
  });

  test("a delete whose ID and state name no team or no group does nothing", async () => {
    await asa.emulator.control.clearCounters();
    await provider.delete?.("compsons", { name: "compsons" });
    await provider.delete?.("compsons", { team: asa.team });
    assert.equal(await asa.writes(), 0);
    assert.ok(await asa.emulator.control.asa.group(asa.team, "compsons"));
  });

  test("a group deleted by someone else between the read and the DELETE is deleted", async () => {
    const { id, outs } = await created(provider, { name: "eng", roles: [] });
    const racing = providerWith((real) => ({
      deleteGroup: async (name) => {
        await asa.emulator.control.asa.deleteGroup(asa.team, name);
        return real.deleteGroup(name);
      },
    }));
    await racing.delete?.(id, outs);
    assert.equal(await asa.count(routes.deleteGroup), 1);
  });

  test("a DELETE refused (403) fails the delete", async () => {
    const { id, outs } = await created(provider, { name: "eng", roles: [] });
    await asa.emulator.control.setFaults({
      asa: { echoes: { status: 403, methods: ["DELETE"], paths: ["/groups/eng"] } },
    });
    await assert.rejects(provider.delete?.(id, outs) ?? Promise.resolve(), (err: Error) => {
      assert.ok(err instanceof ApiError, String(err));
      assert.equal(err.status, 403);
      return true;
    });
  });
});

describe("the client from the settings", () => {
  test("no team on the resource and none configured: says both ways to give one", () => {
    assert.throws(() => asaClient(undefined, settingsReader({})), {
      message:
        "Missing identity:asaTeam (or a team on the resource): set it with `pulumi config set identity:asaTeam <team>` or the environment variable ASA_TEAM.",
    });
  });

  test("a refused key of a named set is named in the message", async () => {
    const read = settingsReader({
      asaBaseUrl: asa.emulator.asaUrl,
      asaTeams: { ops: { keyId: "ops-key", keySecret: "ops-secret-never-shown" } },
    });
    const err = await asaClient("ops", read)
      .getGroup("eng")
      .then(
        () => assert.fail("the wrong key was accepted"),
        (e: unknown) => e,
      );
    const { message } = explainAccessError(err, "read") as Error;
    assert.match(
      message,
      /^Okta ASA refused the API key identity:asaTeams\.ops\.keyId = "ops-key" and identity:asaTeams\.ops\.keySecret for team "ops"/,
    );
  });
});

describe("deleted_at", () => {
  test("the zero time as Go prints it, or written with an offset, is a live group", () => {
    // V8 reads Go's String() form as the year 2001: the prefix is what tells it.
    assert.equal(isSoftDeleted({ deleted_at: "0001-01-01 00:00:00 +0000 UTC" }), false);
    assert.equal(isSoftDeleted({ deleted_at: "0000-12-31T23:00:00-01:00" }), false);
  });

  test("a deleted_at that is no time at all is a live group", () => {
    assert.equal(isSoftDeleted({ deleted_at: "not a time" }), false);
  });
});

describe("error bodies", () => {
  test("a string code stands for the error's type when there is none", () => {
    assert.deepEqual(errorFields({ code: "group_exists", message: "taken" }), {
      code: "group_exists",
      message: "taken",
    });
  });

  test("a numeric code (the status) is not a type", () => {
    assert.deepEqual(errorFields({ code: 409, message: "taken" }), { message: "taken" });
  });

  test("a body of another shape gives no fields (nothing shown as [object Object])", () => {
    assert.deepEqual(errorFields({ type: { nested: true }, message: ["a", "b"] }), {});
    assert.deepEqual(errorFields("plain text"), {});
  });
});

describe("the group view", () => {
  test("a failed read is forgotten, but not a newer read made while it failed", async () => {
    let reads = 0;
    let failFirst: (err: Error) => void = () => {};
    const group: Group = { id: "1", name: "eng", roles: [], deleted_at: null };
    const api = {
      getGroup: () => {
        reads += 1;
        if (reads === 1) return new Promise<Group>((_, reject) => (failFirst = reject));
        return Promise.resolve(group);
      },
      listGroupUsers: () => (async function* () {})(),
    } as unknown as ConstructorParameters<typeof GroupView>[0];
    const view = new GroupView(api);
    const first = view.liveGroup("eng");
    // A write forgets the group; the next read starts while the first is still out.
    view.forgetGroup("eng");
    const second = view.liveGroup("eng");
    failFirst(new Error("boom"));
    await assert.rejects(first, /boom/);
    assert.equal(await second, group);
    assert.equal(await view.liveGroup("eng"), group);
    assert.equal(reads, 2);
  });
});
