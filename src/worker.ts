// A worker thread of the pool: loads the registry once, then handles the files it is sent.
// Between files it lets its event loop turn, because node-tree-sitter frees a tree's native
// memory only then (a tight loop over thousands of files would grow without bound).
import { parentPort, workerData } from "node:worker_threads";
import { handleFile } from "./handle.js";
import type { Candidate } from "./files.js";
import { processOptions, type RunConfig } from "./options.js";
import { registry } from "../transforms/index.js";

const cfg = workerData.config as RunConfig;
const opts = processOptions(registry, cfg);

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

parentPort!.on("message", async (batch: { index: number; file: Candidate }[]) => {
  for (const { index, file } of batch) {
    const result = handleFile(file, opts, cfg.mode);
    // The new content was written (or is not needed): do not copy it back.
    delete result.output;
    parentPort!.postMessage({ index, result });
    await yieldToLoop();
  }
  parentPort!.postMessage({ done: true });
});
