import { defineConfig } from "vitest/config";

// Three projects. `unit`: transport, clients, emulator, resource helpers (seconds); `provider`:
// the providers against the emulator and the SDK under Pulumi's mocks; `engine`: the real Pulumi
// CLI through the Automation API (needs `npm run build` and `npm run setup` first). No retries
// anywhere: a flaky test is a bug.
const engineFiles = ["test/engine/**/*.test.ts"];
const providerFiles = ["test/asa/**/*.test.ts", "test/users/**/*.test.ts"];

export default defineConfig({
  test: {
    // The machine has two cores and an engine file keeps one busy: two files at a time.
    maxWorkers: 2,
    retry: 0,
    setupFiles: ["test/setup/require-ts.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...engineFiles, ...providerFiles],
        },
      },
      { extends: true, test: { name: "provider", include: providerFiles } },
      {
        extends: true,
        test: {
          name: "engine",
          include: engineFiles,
          // A file runs several `pulumi up`s of tens of seconds each, one after the other.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["provider/**", "sdk/**", "emulator/**", "cli/**"],
      // "emulator/**" alone would also take test/emulator/, "provider/**" the build in dist/.
      exclude: ["**/test/**", "**/dist/**"],
      reporter: ["text-summary", "text"],
      // The floor: the whole suite's coverage when it was set (both CI legs measured 91.67 %
      // statements, 80.31 % branches, 92.25 % functions, 93.43 % lines). Engine tests run the
      // providers in Pulumi's processes, so this is the unit and provider suites' in-process
      // coverage plus the emulator's, which the engine tests run here. Raise it, never lower it.
      // Checked on the README's command (CI's first leg); the Node 24 leg prints its figures only
      // (scripts/test-node24 says why).
      thresholds:
        process.env.PULUMI_IDENTITY_COVERAGE_FLOOR === "off"
          ? undefined
          : { statements: 91.6, branches: 80.3, functions: 92.2, lines: 93.4 },
    },
  },
});
