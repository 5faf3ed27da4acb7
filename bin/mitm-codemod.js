#!/usr/bin/env node
// Launcher: runs the compiled CLI (built by `npm install` / `npm run build`).
import { createRequire } from "node:module";

// The bundle is CommonJS (see scripts/bundle.mjs); require() loads it without the ES module loader.
const { main } = createRequire(import.meta.url)("../dist/bundle/cli.cjs");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`mitm-codemod: internal error: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  },
);
