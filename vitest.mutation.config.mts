import { defineConfig } from "vitest/config";

// What Stryker runs for each mutant: the unit and provider suites (in-process, seconds). The
// engine suite is left out: its programs run the package packed from dist/, which a mutant of
// the sources never reaches. Same settings as vitest.config.mts otherwise.
export default defineConfig({
  test: {
    maxWorkers: 2,
    retry: 0,
    // Instrumented code runs slower, and loading @pulumi/pulumi takes seconds the first time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ["test/setup/require-ts.ts"],
    // MUTATION_TESTS (comma-separated globs) narrows a first pass over a large folder to its own
    // suites; scripts/mutation-run then runs the survivors again against every suite.
    include: process.env.MUTATION_TESTS
      ? process.env.MUTATION_TESTS.split(",")
      : ["test/**/*.test.ts"],
    // The engine suite, and the programs under Pulumi's runtime mocks (they test the sdk/ wiring,
    // not provider/, and their mocks hang in the one process Stryker runs the suites in).
    exclude: [
      "test/engine/**",
      "test/*/sdk-mocks.test.ts",
      "test/*/lookup-outputs.test.ts",
      "**/node_modules/**",
    ],
  },
});
