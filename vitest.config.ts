import os from "node:os";
import path from "node:path";
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
    // The CLI processes keep their V8 code cache (bin/mitm-codemod.js) out of the user's home.
    env: { MITM_CODEMOD_VERIFY_TREES: "1", MITM_CODEMOD_CACHE_DIR: path.join(os.tmpdir(), "mitm-codemod-test-code-cache") },
  },
});
