import { defineConfig } from "vitest/config";

/** Tests share two cores with Chromium and Postgres: keep parallelism low and timeouts generous. */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ["default"],
  },
});
