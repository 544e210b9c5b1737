import { defineConfig } from "vitest/config";

// Three projects: `npx vitest run --project unit` takes seconds; `provider` runs the providers
// against the emulator (real HTTP, real waits); `engine` drives the real Pulumi CLI and needs
// `npm run build` and `npm run setup` first. No retries anywhere: a flaky test is a bug.
const engineFiles = ["test/engine/**/*.test.ts", "examples/**/*.test.ts"];
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
          exclude: ["**/node_modules/**"],
          // A file runs several `pulumi up`s of tens of seconds each, one after the other.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["provider/**", "sdk/**", "emulator/**", "cli/**"],
      exclude: ["**/test/**"],
      reporter: ["text-summary", "text"],
    },
  },
});
