import { defineConfig } from "vitest/config";

// Each `pulumi up` takes seconds: give the tests and the hooks time.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
