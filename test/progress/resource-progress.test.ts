import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { type EngineLog, engineAddress } from "../../provider/progress/engine-log";
import { ResourceProgress } from "../../provider/progress/resource-progress";
import type { Clock } from "../../provider/transport/clock";

/** A clock that moves only when told. */
function manualClock(start = Date.UTC(2026, 11, 1, 14, 0, 0)) {
  let now = start;
  const clock: Clock = { now: () => now, sleep: async () => {} };
  return { clock, advance: (ms: number) => (now += ms) };
}

function recordingLog() {
  const lines: { urn: string; message: string; ephemeral?: boolean; warning?: boolean }[] = [];
  const log: EngineLog = {
    info: (urn, message, options) => lines.push({ urn, message, ephemeral: options?.ephemeral }),
    warning: (urn, message) => lines.push({ urn, message, warning: true }),
  };
  return { log, lines };
}

const urn = "urn:pulumi:prod::access::pulumi-nodejs:dynamic/asa:GroupMembership::eng";

describe("what a resource's row says", () => {
  test("a wait over 10 s says what it waits for, until when and why, ephemerally, on the resource's URN", () => {
    const { clock } = manualClock();
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress(urn, "asa.GroupMembership", log, clock);
    progress.waiting({
      api: "asa",
      until: clock.now() + 95_000,
      source: "x-ratelimit-reset",
      kind: "rate-limit",
    });
    assert.deepEqual(lines, [
      {
        urn,
        message:
          "asa.GroupMembership: waiting for Okta ASA's rate limit until 14:01:35 UTC (1 min 35 s, from X-RateLimit-Reset)",
        ephemeral: true,
      },
    ]);
  });

  test("waits of 10 s or less say nothing; a shorter wait never replaces a longer one in force", () => {
    const { clock } = manualClock();
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress(urn, "asa.GroupMembership", log, clock);
    progress.waiting({ api: "asa", until: clock.now() + 9_999, source: "backoff", kind: "retry" });
    assert.equal(lines.length, 0);
    progress.waiting({
      api: "asa",
      until: clock.now() + 60_000,
      source: "retry-after",
      kind: "rate-limit",
    });
    progress.waiting({
      api: "asa",
      until: clock.now() + 20_000,
      source: "retry-after",
      kind: "rate-limit",
    });
    assert.equal(lines.length, 1);
    assert.match(lines[0]?.message ?? "", /until 14:01:00 UTC/);
  });

  test("a long change says how far it is, once it runs over 2 s", () => {
    const { clock, advance } = manualClock();
    const progress = new ResourceProgress(urn, "asa.GroupMembership", recordingLog().log, clock);
    progress.start('members of group "eng": 3 to add, 1 to remove', 4);
    progress.step(true);
    assert.equal(progress.message(), undefined, "not worth a line yet");
    advance(2_500);
    progress.step(false);
    assert.equal(
      progress.message(),
      'asa.GroupMembership: members of group "eng": 3 to add, 1 to remove: 1 of 4 done, 1 failed (3 s)',
    );
    progress.finish();
    assert.equal(progress.message(), undefined);
  });

  test("with no URN (state written before URNs were kept) the line names the resource, for the Stack row", () => {
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress("", "asa.GroupMembership william-faulkner/eng", log);
    progress.warn("taken over");
    assert.deepEqual(lines, [
      { urn: "", message: "asa.GroupMembership william-faulkner/eng: taken over", warning: true },
    ]);
  });
});

describe("the engine's address", () => {
  test("is the first argument of Pulumi's dynamic-provider host, after any flags", () => {
    const host = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider";
    assert.equal(engineAddress(["node", host, "127.0.0.1:40123"]), "127.0.0.1:40123");
    assert.equal(
      engineAddress(["node", `${host}/index.js`, "--logtostderr", "-v=9", "127.0.0.1:40123"]),
      "127.0.0.1:40123",
    );
  });

  test("is none in any other process (tests calling providers directly)", () => {
    assert.equal(engineAddress(["node", "/usr/bin/vitest", "127.0.0.1:40123"]), undefined);
  });
});
