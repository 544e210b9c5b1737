import assert from "node:assert/strict";
import { afterEach, describe, test, vi } from "vitest";
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

describe("when a line is worth showing, and how often", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("a wait of exactly 10 s shows; one that has ended does not", () => {
    const { clock, advance } = manualClock();
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress(urn, "asa.Group", log, clock);
    progress.waiting({
      api: "scaikey",
      until: clock.now() + 10_000,
      source: "backoff",
      kind: "retry",
    });
    assert.equal(
      lines[0]?.message,
      "asa.Group: waiting for a retry of a failed ScaiKey call until 14:00:10 UTC (10 s, from backoff)",
    );
    advance(10_000);
    assert.equal(progress.message(), undefined, "the wait is over");
  });

  test("a wait ending later replaces the one in force; once that one is over, a shorter one shows", () => {
    const { clock, advance } = manualClock();
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress(urn, "asa.Group", log, clock);
    const wait = (ms: number) =>
      progress.waiting({
        api: "asa",
        until: clock.now() + ms,
        source: "retry-after",
        kind: "rate-limit",
      });
    wait(20_000);
    wait(30_000);
    assert.equal(lines.length, 2);
    assert.match(lines[1]?.message ?? "", /until 14:00:30 UTC/);
    advance(30_000);
    wait(15_000);
    assert.equal(lines.length, 3, "the earlier wait has ended");
    assert.match(lines[2]?.message ?? "", /until 14:00:45 UTC/);
  });

  test("a wait ending when the one in force ends keeps the first; each source is named", () => {
    const { clock } = manualClock();
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress(urn, "asa.Group", log, clock);
    const until = clock.now() + 30_000;
    progress.waiting({ api: "asa", until, source: "retry-after", kind: "rate-limit" });
    progress.waiting({ api: "asa", until, source: "x-ratelimit-retry-at", kind: "rate-limit" });
    assert.deepEqual(
      lines.map((line) => line.message),
      ["asa.Group: waiting for Okta ASA's rate limit until 14:00:30 UTC (30 s, from Retry-After)"],
    );
    progress.waiting({
      api: "asa",
      until: until + 5_000,
      source: "x-ratelimit-retry-at",
      kind: "rate-limit",
    });
    assert.match(lines[1]?.message ?? "", /\(35 s, from X-RateLimit-Retry-At\)$/);
  });

  test("the same line is not posted twice", () => {
    const { clock } = manualClock();
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress(urn, "asa.Group", log, clock);
    const until = clock.now() + 60_000;
    progress.waiting({ api: "asa", until, source: "retry-after", kind: "rate-limit" });
    progress.waiting({ api: "asa", until: until + 1, source: "retry-after", kind: "rate-limit" });
    progress.waiting({ api: "asa", until: until + 1, source: "retry-after", kind: "rate-limit" });
    assert.equal(lines.length, 1, "the second wait ends in the same second: the same line");
  });

  test("a change of exactly 2 s shows, with no failures named when there are none, beside a wait", () => {
    const { clock, advance } = manualClock();
    const progress = new ResourceProgress(urn, "asa.GroupMembership", recordingLog().log, clock);
    progress.step(true); // before any change: nothing to count
    progress.start("members", 2);
    progress.step(true);
    advance(2_000);
    assert.equal(progress.message(), "asa.GroupMembership: members: 1 of 2 done (2 s)");
    progress.waiting({
      api: "secureframe",
      until: clock.now() + 12_000,
      source: "rate-limit-fallback",
      kind: "rate-limit",
    });
    assert.equal(
      progress.message(),
      "asa.GroupMembership: members: 1 of 2 done (2 s); waiting for Secureframe's rate limit until 14:00:14 UTC (12 s, from a 429 without a time: 5–10 s)",
    );
  });

  test("a long change posts its progress every 2 s until it finishes", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { clock, advance } = manualClock();
    const { log, lines } = recordingLog();
    const progress = new ResourceProgress(urn, "asa.GroupMembership", log, clock);
    progress.start("members", 3);
    advance(2_000);
    vi.advanceTimersByTime(2_000);
    progress.step(true);
    advance(2_000);
    vi.advanceTimersByTime(2_000);
    assert.deepEqual(
      lines.map((line) => line.message),
      [
        "asa.GroupMembership: members: 0 of 3 done (2 s)",
        "asa.GroupMembership: members: 1 of 3 done (4 s)",
      ],
    );
    assert.ok(lines.every((line) => line.ephemeral && line.urn === urn));
    progress.start("members again", 1); // one timer, not two
    progress.finish();
    advance(2_000);
    vi.advanceTimersByTime(10_000);
    assert.equal(lines.length, 2, "nothing after finish");
    assert.equal(vi.getTimerCount(), 0);
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
    assert.equal(engineAddress(["node"]), undefined);
    const near = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js.map";
    assert.equal(engineAddress(["node", near, "127.0.0.1:40123"]), undefined);
    assert.equal(engineAddress(["node", "/p/xcmd/dynamic-provider", "127.0.0.1:1"]), undefined);
  });

  test("is an argument ending in a port: not a flag, not a path, not a port with more after it", () => {
    const host = "C:\\p\\node_modules\\@pulumi\\pulumi\\cmd\\dynamic-provider";
    assert.equal(
      engineAddress(["node", host, "-port:1", "127.0.0.1:40123x", "tracing", "127.0.0.1:9"]),
      "127.0.0.1:9",
    );
  });
});
