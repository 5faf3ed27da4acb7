// Many files: handle them in this thread or on a pool of worker threads, and hand the
// results to the caller in path order, whatever order they finish in.
import os from "node:os";
import v8 from "node:v8";
import { Worker } from "node:worker_threads";
import type { Candidate } from "./files.js";
import { finishFile, handleFile, screenFile, type Handled } from "./handle.js";
import { processOptions, type RunConfig } from "./options.js";
import { isScreened, type FileResult, type Screened } from "./process.js";
import type { Registry } from "./transform.js";

/** Below this many files a pool is not even considered. */
const POOL_THRESHOLD = 64;
const BATCH = 16;

/**
 * How many bytes of files that pass the screening (read, decoded, pre-filtered) make a pool
 * worth starting. Each worker compiles the hot code again and runs cold until then (about half
 * a second of CPU), so a pool loses on small runs: on 2 cores, against one thread, 50 generated
 * addons among 250 other files took 0.48 s instead of 0.41 s, 400 addons (1.0 MB) 1.40 s instead
 * of 1.34 s, 700 addons (1.75 MB) 1.88 s instead of 2.09 s: break-even at about 1.2 MB. A pool
 * saves (1 - 1/jobs) of the work for about the same cost whatever the jobs, hence the formula
 * (measured with 2 workers only). MITM_CODEMOD_POOL_MIN_BYTES sets it (the tests: 0, a pool
 * for a few files).
 */
function poolMinBytes(jobs: number): number {
  const set = process.env.MITM_CODEMOD_POOL_MIN_BYTES ? Number(process.env.MITM_CODEMOD_POOL_MIN_BYTES) : NaN;
  return Number.isFinite(set) ? set : 600_000 / (1 - 1 / jobs);
}

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

/** What a worker sends back for a batch of files. */
export interface BatchResults {
  /** The files' indexes, in the batch's order. */
  indexes: number[];
  /** The FileResults without their diffs, as JSON. */
  json: string;
  diffs: (Uint8Array | null)[];
}

/** MITM_CODEMOD_PROFILE=1: how the files were run (for tuning poolMinBytes). */
const profile = !!process.env.MITM_CODEMOD_PROFILE;

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

/**
 * With more than one job, the files are first screened in this thread, in order, until those
 * that pass add up to enough work for a pool (poolMinBytes): then a pool takes those and the
 * files not screened yet. Otherwise (a pre-commit run: a few addons among other files) this
 * thread finishes the files that passed.
 */
export async function processAll(o: ProcessAllOptions): Promise<void> {
  const jobs = Math.max(1, Math.min(o.jobs, o.files.length));
  if (jobs === 1 || o.files.length < POOL_THRESHOLD) return inThread(o);
  const opts = processOptions(o.registry, o.config);
  const minBytes = poolMinBytes(jobs);
  const screened: (FileResult | Screened)[] = [];
  let bytes = 0;
  for (const file of o.files) {
    const s = screenFile(file, opts);
    screened.push(s);
    if (isScreened(s) && (bytes += s.size) >= minBytes) return onPool(o, jobs, screened);
  }
  if (profile) process.stderr.write(`runner: one thread (${bytes} bytes passed the screening, a pool from ${Math.round(minBytes)})\n`);
  await inThread(o, opts, screened);
}

/** The files in this thread, in order; `screened` holds the first ones, already screened. */
async function inThread(o: ProcessAllOptions, opts = processOptions(o.registry, o.config), screened: readonly (FileResult | Screened)[] = []): Promise<void> {
  const out = new InOrder(o);
  for (let i = 0; i < o.files.length; i++) {
    const s = screened[i];
    await out.add(i, s === undefined ? handleFile(o.files[i], opts, o.config.mode) : isScreened(s) ? finishFile(o.files[i], s, opts, o.config.mode) : s);
    // Let the event loop turn: node-tree-sitter frees a native tree's memory only then.
    await yieldToLoop();
  }
  await out.flush();
}

/** Files written at once, at most, before this thread waits for the first of them. */
const WRITES_IN_FLIGHT = 32;

/**
 * Hands the results of this thread to onResult in file order. A file being written (--write)
 * holds back its result and those after it until the write is done, while the thread goes on
 * with the next files.
 */
class InOrder {
  /** Results not handed over yet, in file order; `done` once a write has settled. */
  private readonly waiting: { index: number; result: Handled; done?: FileResult }[] = [];
  private writes = 0;

  constructor(private readonly o: ProcessAllOptions) {}

  async add(index: number, result: Handled): Promise<void> {
    const w: { index: number; result: Handled; done?: FileResult } = { index, result };
    if (result instanceof Promise) {
      this.writes++;
      void result.then((r) => {
        this.writes--;
        w.done = r;
      });
    } else w.done = result;
    this.waiting.push(w);
    if (this.writes >= WRITES_IN_FLIGHT) await this.waiting[0].result;
    while (this.waiting.length > 0 && this.waiting[0].done) this.emit(this.waiting.shift()!);
  }

  async flush(): Promise<void> {
    for (const w of this.waiting) await w.result;
    for (const w of this.waiting.splice(0)) this.emit(w);
  }

  private emit(w: { index: number; done?: FileResult }): void {
    this.o.onResult(w.done!, this.o.files[w.index]);
    this.o.onProgress?.(w.index + 1, this.o.files.length);
  }
}

/**
 * The files on a pool of workers: those of `screened` (the first files, already screened here)
 * that passed, and every file after them. The workers read the screened ones again (at most
 * poolMinBytes of them): cheaper than sending their texts.
 */
async function onPool(o: ProcessAllOptions, jobs: number, screened: readonly (FileResult | Screened)[]): Promise<void> {
  const results = new Map<number, FileResult>();
  const todo: number[] = [];
  screened.forEach((s, i) => (isScreened(s) ? todo.push(i) : results.set(i, s)));
  for (let i = screened.length; i < o.files.length; i++) todo.push(i);
  let nextToEmit = 0;
  let nextToSend = 0;
  let done = results.size;
  jobs = Math.min(jobs, Math.ceil(todo.length / BATCH)); // no worker without a batch
  if (profile) process.stderr.write(`runner: a pool of ${jobs} workers for ${todo.length} files\n`);
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
      if (nextToSend >= todo.length) {
        if (pending.get(w) === 0) void w.terminate();
        return;
      }
      const batch = [];
      for (let k = 0; k < BATCH && nextToSend < todo.length; k++, nextToSend++) {
        batch.push({ index: todo[nextToSend], file: o.files[todo[nextToSend]] });
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
          results.set(m.indexes[k], r);
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
