#!/usr/bin/env node
// Launcher: runs the compiled CLI (built by `npm install` / `npm run build`).
//
// The bundle is CommonJS (see scripts/bundle.mjs) and is loaded here as require() would load
// it, with one difference: V8's code cache. Compiling the 0.9 MB bundle, and each function of
// it on its first call, was about 25 ms of a 150 ms one-file run (a pre-commit hook's usual
// case). After a run without a usable cache, the compiled code is saved under the user's cache
// directory, and later runs start from it; V8 rejects a cache made from another source or by
// another Node version, and the run then simply compiles (and saves) again. Node 22 does the
// same with module.enableCompileCache(); this is that for Node 20.
// MITM_CODEMOD_CODE_CACHE=0 turns it off; MITM_CODEMOD_CACHE_DIR says where it lives.
import crypto from "node:crypto";
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

// Less inlining into each optimised function: V8's optimising compiler spent about 1.9 s of CPU
// per 1,000 addons on this code (its large functions inline a lot), in every worker thread,
// competing with the work itself once the pool fills the cores; with this limit 1.3 s. Measured
// on the benchmark corpus: the dry run with the default pool 5.89 -> 5.42 s, one thread about
// the same (7.11 -> 7.00 s). Set before any of the CLI's code is compiled; the workers inherit it.
v8.setFlagsFromString("--max-inlined-bytecode-size-cumulative=300");

const bundle = fileURLToPath(new URL("../dist/bundle/cli.cjs", import.meta.url));

/** The cache file for this bundle and this Node, or null when caching is off. */
function cacheFileFor(source) {
  if (process.env.MITM_CODEMOD_CODE_CACHE === "0") return null;
  const dir =
    process.env.MITM_CODEMOD_CACHE_DIR ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "mitm-codemod");
  const key = crypto.createHash("sha1").update(process.version).update(source).digest("hex").slice(0, 16);
  return { dir, file: path.join(dir, `cli-${key}.v8cache`) };
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Saves the compiled code atomically; the caches of other builds go. Never fails the run. */
function saveCache(cache, script) {
  try {
    fs.mkdirSync(cache.dir, { recursive: true, mode: 0o700 });
    const tmp = `${cache.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cache.file);
    for (const name of fs.readdirSync(cache.dir)) {
      if (name.startsWith("cli-") && name.endsWith(".v8cache") && path.join(cache.dir, name) !== cache.file) {
        fs.rmSync(path.join(cache.dir, name), { force: true });
      }
    }
  } catch {
    // A read-only or full disk: the next run compiles again.
  }
}

function loadBundle() {
  const source = fs.readFileSync(bundle, "utf8");
  let cache = null;
  try {
    cache = cacheFileFor(source);
  } catch {
    // No home directory to speak of: run without the cache.
  }
  const cachedData = cache ? readIfExists(cache.file) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  const save = cache && (cachedData === undefined || script.cachedDataRejected) ? () => saveCache(cache, script) : () => {};
  return { main: module.exports.main, save };
}

const { main, save } = loadBundle();
const args = process.argv.slice(2);
// Saved after a run over files: the cache then holds every function such a run compiles (a
// cache saved after --version would hold only the top level, and be kept).
const informational = args.some((a) => /^(--version|--help|-h|--list|--explain)(=|$)/.test(a));

main(args).then(
  (code) => {
    process.exitCode = code;
    if (!informational) save();
  },
  (err) => {
    process.stderr.write(`mitm-codemod: internal error: ${err && err.message ? err.message : err}\n`);
    process.exitCode = 2;
  },
);
