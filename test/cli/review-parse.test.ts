import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { InputError } from "../../cli/errors";
import { parsePreview } from "../../cli/review/preview-json";
import { parseStateExport } from "../../cli/review/state-export";
import { fixture, fixtureText, stateExport } from "./review-fixtures";

describe("reading `pulumi preview --json`", () => {
  test("the plan's steps, with their old and new inputs and outputs, and the stack", () => {
    const preview = fixture("changes.json");
    assert.equal(preview.stack, "test");
    assert.equal(preview.project, "engine-test");
    assert.deepEqual(preview.errors, []);
    assert.deepEqual(preview.refreshed, []);
    const ops = preview.steps.map((step) => `${step.op} ${step.urn.split("::").at(-1)}`).sort();
    assert.ok(ops.includes("update platform"), ops.join("\n"));
    assert.ok(ops.includes("replace renamed"));
    assert.ok(ops.includes("delete legacy"));
    assert.ok(ops.includes("create release"));
    const platform = preview.steps.find((s) => s.urn.endsWith("asa:GroupMembership::platform"));
    assert.equal(platform?.old?.inputs.members && typeof platform.old.inputs.members, "object");
    assert.deepEqual(platform?.new?.outputs, {}); // a preview does not know the outputs to come
  });

  test("a refreshed preview: every resource as read, then the plan", () => {
    const preview = fixture("refresh.json");
    const stable = preview.refreshed.find((s) => s.urn.endsWith("asa:Group::stable"));
    assert.deepEqual(stable?.inputs.roles, ["reporting_user"]);
    assert.ok(preview.steps.every((step) => step.op !== "refresh"));
  });

  test("a failed preview: its errors, without the 'error: ' prefix", () => {
    const preview = fixture("failed.json");
    assert.equal(preview.errors.length, 1);
    assert.match(
      preview.errors[0] ?? "",
      /^pulumi-nodejs:dynamic\/asa:GroupMembership resource 'platform' has a problem: members: 1 of the users cannot join/,
    );
  });

  test("input that is not a preview says what it is and what to give", () => {
    const expectation = (pattern: RegExp) => (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, pattern);
      return true;
    };
    assert.throws(
      () => parsePreview("", "standard input"),
      expectation(/^standard input is empty; give the output of `pulumi preview --json`/),
    );
    assert.throws(
      () => parsePreview("Previewing update (dev):", "p.txt"),
      expectation(/^p\.txt is not JSON \(.+\); give the output of `pulumi preview --json`/),
    );
    assert.throws(
      () => parsePreview('{"name": "x"}', "x.json"),
      expectation(
        /x\.json is JSON but not `pulumi preview --json` output \(it has no "steps" list\)\. Give/,
      ),
    );
    assert.throws(
      () => parsePreview(fixtureText("stack-export.json"), "state.json"),
      expectation(/It looks like `pulumi stack export` output: give that with --state\./),
    );
    assert.throws(
      () => parseStateExport(fixtureText("changes.json"), "--state p.json"),
      expectation(/--state p\.json is JSON but not `pulumi stack export` output/),
    );
  });
});

test("reading `pulumi stack export`: every resource's inputs and outputs", () => {
  const resources = stateExport();
  const ops = resources.find((r) => r.urn.endsWith("asa:Group::ops"));
  assert.deepEqual(ops?.inputs.roles, ["access_user"]);
  const membership = resources.find((r) => r.urn.endsWith("asa:GroupMembership::ops"));
  assert.deepEqual(membership?.outputs.members, ["member-01", "member-02"]);
});
