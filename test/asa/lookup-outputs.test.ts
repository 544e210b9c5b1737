import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, test } from "vitest";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { closeAllPools } from "../../provider/transport";
import { asa } from "../../sdk";
import { settled } from "../harness/outputs";

// The Output forms of the ASA lookups, under Pulumi's mocks (which run the program's applies but
// no provider): Inputs in, an Output out, secret when an input is, not called while an input is
// unknown in a preview.

let emulator: RunningEmulator;
let options: asa.AsaLookupOptions;

async function mock(preview: boolean) {
  await pulumi.runtime.setMocks(
    {
      // A resource's outputs are its inputs; groupId is left out, so a preview does not know it.
      newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
      call: () => ({}),
    },
    "project",
    "stack",
    preview,
  );
}

const groupReads = async () =>
  (await emulator.control.counters()).asa["GET /v1/teams/:team_name/groups/:group_name"] ?? 0;

beforeAll(async () => {
  emulator = await startEmulator();
  const { team, keyId, keySecret } = emulator.credentials.asa;
  options = { team, keyId, keySecret, baseUrl: emulator.asaUrl };
});
afterAll(async () => {
  await emulator.stop();
  await closeAllPools();
});

describe("during an update", () => {
  beforeAll(() => mock(false));

  test("each Output form gives what its Promise form gives, from Inputs", async () => {
    const team = pulumi.output(options.team);
    const inputs = { ...options, team }; // one option an Output
    const whole = pulumi.output(options); // the options as one Output
    const group = await settled(asa.getGroupOutput(pulumi.output("compsons"), inputs));
    assert.deepEqual(group, {
      value: await asa.getGroup("compsons", options),
      known: true,
      secret: false,
    });
    assert.deepEqual(
      (await settled(asa.getGroupsOutput(whole))).value,
      await asa.getGroups(options),
    );
    assert.deepEqual((await settled(asa.getGroupMembersOutput("compsons", whole))).value, [
      "Benjy.Compson",
    ]);
    assert.equal(
      (await settled(asa.getUserOutput("Jason.Compson.IV", inputs))).value.details?.full_name,
      "Jason Compson IV",
    );
    assert.deepEqual(
      (
        await settled(asa.getUsersOutput({ ...inputs, startsWith: pulumi.output("jason") }))
      ).value.map((user) => user.name),
      ["Jason.Compson.IV"],
    );
  });

  test("a secret argument or option makes the result secret", async () => {
    const byName = await settled(asa.getGroupMembersOutput(pulumi.secret("compsons"), options));
    assert.deepEqual(byName, { value: ["Benjy.Compson"], known: true, secret: true });
    const byKey = await settled(
      asa.getGroupOutput("compsons", {
        ...options,
        keySecret: pulumi.secret(options.keySecret ?? ""),
      }),
    );
    assert.equal(byKey.secret, true);
    assert.equal(byKey.value.name, "compsons");
    const byFilter = await settled(
      asa.getUsersOutput({ ...options, contains: pulumi.secret("Compson") }),
    );
    assert.equal(byFilter.secret, true);
  });

  test("a lookup that fails fails its Output, with the lookup's message", async () => {
    await assert.rejects(
      settled(asa.getGroupOutput("nope", options)),
      /group "nope" in team "william-faulkner" does not exist/,
    );
  });
});

describe("during a preview", () => {
  beforeAll(() => mock(true));

  test("an input not known yet (a group being created) leaves the result unknown, and nothing is read", async () => {
    const group = new asa.Group("new-group", { name: "not-created-yet", roles: [] });
    const before = await groupReads();
    const name = pulumi.all([group.name, group.groupId]).apply(([name]) => name);
    const result = await settled(asa.getGroupOutput(name, options));
    assert.deepEqual(result, { value: undefined, known: false, secret: false });
    assert.equal(await groupReads(), before);
    // A known input runs the lookup in a preview too, as Pulumi's own invokes do.
    assert.equal((await settled(asa.getGroupOutput("compsons", options))).value.name, "compsons");
    assert.equal(await groupReads(), before + 1);
  });
});
