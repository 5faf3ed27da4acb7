// Many files: handle them in this thread or on a pool of worker threads, and hand the
// results to the caller in path order, whatever order they finish in.
import os from "node:os";
import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import type { Candidate } from "./files.js";
import { handleFile } from "./handle.js";
import { processOptions, type RunConfig } from "./options.js";
import type { FileResult } from "./process.js";
import type { Registry } from "./transform.js";

/** Below this many files a pool costs more (starting workers) than it saves. */
const POOL_THRESHOLD = 64;
const BATCH = 16;

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

export interface ProcessAllOptions {
  files: Candidate[];
  config: RunConfig;
  jobs: number;
  registry: Registry;
  /** Called once per file, in the order of `files`. */
  onResult: (r: FileResult, file: Candidate) => void;
  onProgress?: (done: number, total: number) => void;
}

/** What a worker sends back for a batch of files (indexes first, first + 1, …). */
export interface BatchResults {
  first: number;
  /** The FileResults without their diffs, as JSON. */
  json: string;
  diffs: (Uint8Array | null)[];
}

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

export async function processAll(o: ProcessAllOptions): Promise<void> {
  const jobs = Math.max(1, Math.min(o.jobs, o.files.length));
  if (jobs === 1 || o.files.length < POOL_THRESHOLD) return inThread(o);
  return onPool(o, jobs);
}

async function inThread(o: ProcessAllOptions): Promise<void> {
  const opts = processOptions(o.registry, o.config);
  for (let i = 0; i < o.files.length; i++) {
    o.onResult(handleFile(o.files[i], opts, o.config.mode), o.files[i]);
    o.onProgress?.(i + 1, o.files.length);
    // Let the event loop turn: node-tree-sitter frees a native tree's memory only then.
    await yieldToLoop();
  }
}

async function onPool(o: ProcessAllOptions, jobs: number): Promise<void> {
  const results = new Map<number, FileResult>();
  let nextToEmit = 0;
  let nextToSend = 0;
  let done = 0;
  const emit = () => {
    while (results.has(nextToEmit)) {
      const r = results.get(nextToEmit)!;
      results.delete(nextToEmit);
      o.onResult(r, o.files[nextToEmit]);
      nextToEmit++;
    }
  };
  // Every worker compiles the hot code again with V8's optimising compiler (about 1.5 s of CPU
  // per worker on the benchmark corpus), and a pool that fills the cores pays for it with work
  // time; without inlining those compiles are much cheaper. Measured on the benchmark corpus
  // (2 cores, 3 interleaved runs): the pool 4.65–5.11 -> 4.30–4.59 s. Not on one thread, where
  // the compiler has an idle core and inlined code is faster (6.2 -> 6.6 s). V8 reads the flag
  // when it starts an optimisation; the workers' isolates are made after this.
  v8.setFlagsFromString("--no-turbo-inlining");
  // The pool runs from the bundle (dist/bundle/cli.cjs next to worker.cjs; scripts/bundle.mjs).
  const workerUrl = new URL("./worker.cjs", import.meta.url);
  await new Promise<void>((resolve, reject) => {
    let alive = jobs;
    const workers: Worker[] = [];
    /** Per worker, the batches sent and not answered yet. */
    const pending = new Map<Worker, number>();
    const send = (w: Worker) => {
      if (nextToSend >= o.files.length) {
        if (pending.get(w) === 0) void w.terminate();
        return;
      }
      const batch = [];
      for (let k = 0; k < BATCH && nextToSend < o.files.length; k++, nextToSend++) {
        batch.push({ index: nextToSend, file: o.files[nextToSend] });
      }
      pending.set(w, pending.get(w)! + 1);
      w.postMessage(batch);
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(workerUrl, { workerData: { config: o.config } });
      workers.push(w);
      pending.set(w, 0);
      w.on("message", (m: BatchResults) => {
        pending.set(w, pending.get(w)! - 1);
        const batch = JSON.parse(m.json) as FileResult[];
        for (let k = 0; k < batch.length; k++) {
          const r = batch[k];
          const diff = m.diffs[k];
          if (diff) r.diff = Buffer.from(diff.buffer, diff.byteOffset, diff.byteLength); // a Uint8Array after the clone
          results.set(m.first + k, r);
        }
        done += batch.length;
        emit();
        o.onProgress?.(done, o.files.length);
        send(w);
      });
      w.on("error", (e) => {
        for (const other of workers) void other.terminate();
        reject(e);
      });
      w.on("exit", () => {
        if (--alive === 0) resolve();
      });
      // Two batches: the worker starts the second as soon as it has sent the first one's results.
      send(w);
      send(w);
    }
  });
  emit();
}
