// Shared test helpers: run the engine in-process on source text.
import { registry } from "../transforms/index.js";
import { processSource, type FileResult } from "../src/process.js";
import { parseRange, plan } from "../src/versions.js";
import type { Step, Transform } from "../src/transform.js";
import type { TextChange } from "../src/tree.js";

export { registry };

/**
 * Up to `count` random disjoint changes of `text` (sorted, as EditSet.changes() gives them: no
 * two touch), each a span of at most `maxSpan` characters replaced by one of `snippets`, and the
 * changed text. A change never starts or ends inside a surrogate pair or a CRLF (no transform's does).
 */
export function randomChanges(
  text: string,
  rnd: () => number,
  count: number,
  snippets: readonly string[],
  maxSpan: number,
): { changes: TextChange[]; text: string } {
  const points = Array.from({ length: count * 2 }, () => Math.floor(rnd() * (text.length + 1))).sort((a, b) => a - b);
  const changes: TextChange[] = [];
  let out = "";
  let pos = 0;
  for (let i = 0; i < points.length; i += 2) {
    const start = points[i];
    const oldEnd = Math.min(points[i + 1], start + Math.floor(rnd() * maxSpan));
    if (changes.length > 0 && start <= pos) continue;
    const inserted = snippets[Math.floor(rnd() * snippets.length)];
    if (oldEnd === start && inserted === "") continue;
    if (/[\udc00-\udfff\n]/.test(text[start] ?? "") || /[\udc00-\udfff\n]/.test(text[oldEnd] ?? "")) continue;
    out += text.slice(pos, start) + inserted;
    pos = oldEnd;
    changes.push({ start, oldEnd, newLength: inserted.length });
  }
  return { changes, text: out + text.slice(pos) };
}

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
