#!/usr/bin/env node
// Parse-only floor: read and parse every *.py file of the corpus with tree-sitter-python, with
// the same native binding and the same parse call as src/parser.ts, on one thread or on a pool
// of worker threads shaped like src/runner.ts (batches of 16 files, one parser per thread).
// Nothing is done with a tree; between files the event loop turns, as in src/runner.ts and
// src/worker.ts, because node-tree-sitter frees a tree's native memory only then.
//
//   node bench/parse-all.mjs [--jobs N] DIR        (--jobs 1: in this thread; default: the number of cores)
import os from "node:os";
import fs from "node:fs";
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import Parser from "tree-sitter";
import Python from "tree-sitter-python";

const BATCH = 16;
const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

let parser;
/** The parse call of src/parser.ts. */
function parse(text) {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python);
  }
  return parser.parse(text, null, { bufferSize: Math.max(32 * 1024, text.length + 1) });
}

/** Read, decode (UTF-8, as nearly every file is) and parse one file; the count of nodes' errors is a cheap use of the tree. */
function parseFile(file) {
  const text = fs.readFileSync(file).toString("utf8");
  const tree = parse(text);
  return tree.rootNode.hasError ? 1 : 0;
}

if (!isMainThread) {
  parentPort.on("message", async (batch) => {
    let errors = 0;
    for (const f of batch) {
      errors += parseFile(f);
      await yieldToLoop();
    }
    parentPort.postMessage({ done: batch.length, errors });
  });
} else {
  const args = process.argv.slice(2);
  const j = args.indexOf("--jobs");
  const jobs = j >= 0 ? Number(args[j + 1]) : typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const root = args.filter((a, i) => !a.startsWith("--") && (j < 0 || i !== j + 1))[0];
  if (!root || !Number.isInteger(jobs) || jobs < 1) {
    console.error("usage: node bench/parse-all.mjs [--jobs N] DIR");
    process.exit(2);
  }
  const { pythonFiles, usage } = await import("./files.mjs");
  const files = pythonFiles(root);
  let withErrors = 0;
  if (jobs === 1) {
    for (const f of files) {
      withErrors += parseFile(f);
      await yieldToLoop();
    }
  } else {
    let next = 0;
    await new Promise((resolve, reject) => {
      let alive = jobs;
      const send = (w) => {
        if (next >= files.length) return void w.terminate();
        w.postMessage(files.slice(next, next + BATCH));
        next += BATCH;
      };
      for (let i = 0; i < jobs; i++) {
        const w = new Worker(new URL(import.meta.url));
        w.on("message", (m) => {
          withErrors += m.errors;
          send(w);
        });
        w.on("error", reject);
        w.on("exit", () => {
          if (--alive === 0) resolve();
        });
        send(w);
      }
    });
  }
  console.log(JSON.stringify({ files: files.length, withErrors, jobs, ...usage() }));
}
