// A worker thread of the pool: loads the registry once, then handles the files it is sent.
// Between files it lets its event loop turn, because node-tree-sitter frees a tree's native
// memory only then (a tight loop over thousands of files would grow without bound).
import { parentPort, workerData } from "node:worker_threads";
import { handleFile, type Handled } from "./handle.js";
import type { Candidate } from "./files.js";
import type { FileResult } from "./process.js";
import type { BatchResults } from "./runner.js";
import { processOptions, type RunConfig } from "./options.js";
import { registry } from "../transforms/index.js";

const cfg = workerData.config as RunConfig;
const opts = processOptions(registry, cfg);

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

type Batch = { index: number; file: Candidate }[];

// The pool keeps a second batch queued here, so that no worker waits for the main thread
// between two batches; they are handled one after the other.
const queue: Batch[] = [];
let busy = false;
parentPort!.on("message", async (batch: Batch) => {
  queue.push(batch);
  if (busy) return;
  busy = true;
  for (let next = queue.shift(); next; next = queue.shift()) await handleBatch(next);
  busy = false;
});

async function handleBatch(batch: Batch): Promise<void> {
  const handled: Handled[] = [];
  for (const { file } of batch) {
    handled.push(handleFile(file, opts, cfg.mode));
    await yieldToLoop();
  }
  // Files being written (--write) settle later: their batch's results go once they are on disk,
  // while this worker goes on with its next batch.
  void Promise.all(handled).then((results) => send(batch, results));
}

function send(batch: Batch, results: FileResult[]): void {
  const diffs: (Uint8Array | null)[] = [];
  for (const result of results) {
    // The new content was written (or is not needed): do not copy it back.
    delete result.output;
    diffs.push(result.diff ?? null);
    delete result.diff;
  }
  // One message per batch, its results as JSON: the structured clone of every finding and change
  // object cost the workers about 6% of their time; JSON.stringify and a string copy far less.
  // The diffs (bytes in the file's encoding) go as they are.
  const message: BatchResults = { indexes: batch.map((b) => b.index), json: JSON.stringify(results), diffs };
  parentPort!.postMessage(message);
}
