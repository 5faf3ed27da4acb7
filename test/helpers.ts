// Shared test helpers: run the engine in-process on source text.
import { registry } from "../transforms/index.js";
import { processSource, type FileResult } from "../src/process.js";
import { parseRange, plan } from "../src/versions.js";
import type { Step, Transform } from "../src/transform.js";

export { registry };

/** mulberry32: a small deterministic PRNG (fuzz and random-edit tests). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function allTransforms(): Transform[] {
  return registry.steps.flatMap((s) => s.transforms);
}

export function stepOf(transformId: string): Step {
  const step = registry.steps.find((s) => s.transforms.some((t) => t.id === transformId));
  if (!step) throw new Error(`no step has transform ${transformId}`);
  return step;
}

export function stepsFor(from: string, to?: string): Step[] {
  const r = parseRange(registry, from, to);
  return plan(registry, r.from, r.to);
}

export interface MigrateOptions {
  from?: string;
  to?: string;
  /** Run only this step (all of its transforms, or only `only`). */
  steps?: readonly Step[];
  only?: string[];
  unsafeFixes?: boolean;
}

export function migrate(source: string | Buffer, o: MigrateOptions = {}): FileResult {
  let steps = o.steps;
  if (!steps) {
    const { from, to } = parseRange(registry, o.from ?? "6", o.to);
    steps = plan(registry, from, to);
  }
  const only = o.only ? new Set(o.only) : null;
  return processSource("test.py", typeof source === "string" ? Buffer.from(source, "utf8") : source, {
    registry,
    steps,
    selected: (t) => !only || only.has(t.id),
    unsafeFixes: o.unsafeFixes ?? true,
    wantDiff: false,
  });
}

export function outputText(r: FileResult, input: string): string {
  return r.output ? r.output.toString("utf8") : input;
}

/** Findings as the snapshot files write them: `LINE:COL: ID message` (notes: `ID note: message`). */
export function formatFindings(r: FileResult, opts: { notes?: boolean } = {}): string {
  return r.findings
    .filter((f) => opts.notes !== false || f.severity === "warning")
    .map((f) => `${f.line}:${f.column}: ${f.id} ${f.severity === "info" ? "note: " : ""}${f.message}\n`)
    .join("");
}
