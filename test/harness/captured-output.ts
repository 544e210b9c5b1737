import { afterEach, beforeEach, vi } from "vitest";

/**
 * For a test file running a command in process: what it writes to standard output and error,
 * captured for each test (and not printed). `clear()` starts both afresh within a test.
 */
export function captureOutput(): {
  readonly stdout: string;
  readonly stderr: string;
  clear(): void;
} {
  const written = { stdout: "", stderr: "" };
  beforeEach(() => {
    written.stdout = "";
    written.stderr = "";
    for (const stream of ["stdout", "stderr"] as const) {
      vi.spyOn(process[stream], "write").mockImplementation((chunk) => {
        written[stream] += String(chunk);
        return true;
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return {
    get stdout() {
      return written.stdout;
    },
    get stderr() {
      return written.stderr;
    },
    clear() {
      written.stdout = "";
      written.stderr = "";
    },
  };
}
