import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // test/runtime/ needs a real mitmproxy: `npm run test:runtime` (vitest.runtime.config.ts).
    exclude: [...configDefaults.exclude, "test/runtime/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Every incremental re-parse in the tests (and in the CLI processes they start) is compared
    // with a full parse of the same text; a difference is an internal error (src/parser.ts).
    env: { MITM_CODEMOD_VERIFY_TREES: "1" },
  },
});
