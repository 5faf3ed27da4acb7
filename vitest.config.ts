import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/runtime/ needs a real mitmproxy: `npm run test:runtime` (vitest.runtime.config.ts).
    exclude: [...configDefaults.exclude, "test/runtime/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
