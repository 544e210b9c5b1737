// Which `deleted_at` values mark a group as soft-deleted: a real time does; null, Go's zero time
// in any spelling, and a text that is no time do not (provider/asa/schemas.ts).
import assert from "node:assert/strict";
import { describe, it } from "vitest";
import { isSoftDeleted } from "../../provider/asa";

describe("isSoftDeleted", () => {
  it("reads null, the zero time in every spelling, and no time at all as live", () => {
    for (const deletedAt of [
      null,
      "",
      "not a time",
      "0001-01-01T00:00:00Z",
      "0001-01-01T00:00:00.000Z",
      "0001-01-01T23:59:59.999Z",
      "0000-12-31T23:00:00-01:00",
    ]) {
      assert.equal(isSoftDeleted({ deleted_at: deletedAt }), false, String(deletedAt));
    }
  });

  it("reads a time from the day after the zero time on as deleted", () => {
    for (const deletedAt of ["0001-01-02T00:00:00Z", "2026-03-01T10:00:00+02:00"]) {
      assert.equal(isSoftDeleted({ deleted_at: deletedAt }), true, deletedAt);
    }
  });
});
