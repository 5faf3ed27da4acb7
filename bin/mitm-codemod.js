#!/usr/bin/env node
// Launcher: runs the compiled CLI (built by `npm install` / `npm run build`).
import { main } from "../dist/bundle/cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`mitm-codemod: internal error: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  },
);
