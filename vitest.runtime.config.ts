import { defineConfig } from "vitest/config";

// `npm run test:runtime`: the migrations run on a real mitmproxy (Debian's 8.1.1).
// Kept out of `npm test` (vitest.config.ts excludes test/runtime/**).
export default defineConfig({
  test: {
    include: ["test/runtime/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
