// One file, bytes in → result out: decode, pre-filter, parse, run the pipeline, diff.
// Pure apart from reading nothing: the runner (or a worker) does the I/O around it.
import { structuredPatch } from "diff";
import { DecodeError, decodeSource, encodeSource } from "./encoding.js";
import { firstSyntaxError, parse } from "./parser.js";
import { mayMatch, runPipeline } from "./pipeline.js";
import { lineStartsOf, positionIn } from "./source.js";
import type { Registry, Step, Transform } from "./transform.js";

export interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportedFinding extends Located {
  id: string;
  severity: "warning" | "info";
  message: string;
  transform: string;
}

export interface ReportedChange extends Located {
  transform: string;
}

export interface FileResult {
  display: string;
  /** "error": input problem or internal error (the file is left untouched). */
  status: "unchanged" | "changed" | "error";
  error?: { reason: string; internal?: boolean; transform?: string; line?: number; column?: number };
  findings: ReportedFinding[];
  changes: ReportedChange[];
  heldBack: number;
  /** New file content (only when changed). */
  output?: Buffer;
  /** Unified diff, encoded like the file (only when changed and a diff was asked for). */
  diff?: Buffer;
}

export interface ProcessOptions {
  registry: Registry;
  steps: readonly Step[];
  selected: (t: Transform) => boolean;
  unsafeFixes: boolean;
  wantDiff: boolean;
}

export function processSource(display: string, bytes: Uint8Array, opts: ProcessOptions): FileResult {
  const base: FileResult = { display, status: "unchanged", findings: [], changes: [], heldBack: 0 };
  let decoded;
  try {
    decoded = decodeSource(bytes);
  } catch (e) {
    if (e instanceof DecodeError) return { ...base, status: "error", error: { reason: e.message } };
    throw e;
  }
  const { text, encoding } = decoded;
  // Cheap text test first: most files of a big repository never mention mitmproxy.
  if (!mayMatch(text, opts.registry.knowledge.evidenceWords)) return base;
  const tree = parse(text);
  const err = firstSyntaxError(tree.rootNode);
  if (err) {
    const pos = positionIn(text, lineStartsOf(text), err.startIndex);
    return {
      ...base,
      status: "error",
      error: { reason: `syntax error at ${pos.line}:${pos.column}; file skipped`, line: pos.line, column: pos.column },
    };
  }
  const result = runPipeline(display, text, tree, opts.steps, {
    selected: opts.selected,
    unsafeFixes: opts.unsafeFixes,
    knowledge: opts.registry.knowledge,
  });
  if (result.error) {
    return {
      ...base,
      status: "error",
      error: { reason: `internal error in transform ${result.error.transform}: ${result.error.message}`, internal: true, transform: result.error.transform },
    };
  }
  const starts = lineStartsOf(result.output);
  const locate = (start: number, end: number): Located => {
    const a = positionIn(result.output, starts, start);
    const b = positionIn(result.output, starts, end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const findings = result.findings.map((f) => ({
    id: f.id,
    severity: f.severity,
    message: f.message,
    transform: f.transform,
    ...locate(f.start, f.end),
  }));
  const changes = result.changes.map((c) => ({ transform: c.transform, ...locate(c.start, c.end) }));
  if (!result.changed) return { ...base, findings, heldBack: result.heldBack };
  let output: Buffer;
  try {
    output = encodeSource(result.output, encoding);
  } catch (e) {
    return { ...base, status: "error", error: { reason: (e as Error).message } };
  }
  const out: FileResult = { ...base, status: "changed", findings, changes, heldBack: result.heldBack, output };
  if (opts.wantDiff) {
    const diffText = unifiedDiff(display, text, result.output);
    out.diff = encoding.singleByte ? Buffer.from(diffText, "latin1") : Buffer.from(diffText, "utf8");
  }
  return out;
}

/** A git-style unified diff (`diff --git`, `--- a/`, `+++ b/`) that `git apply` accepts. */
export function unifiedDiff(display: string, before: string, after: string): string {
  const patch = structuredPatch(`a/${display}`, `b/${display}`, before, after, "", "", { context: 3 });
  const out: string[] = [`diff --git a/${display} b/${display}`, `--- a/${display}`, `+++ b/${display}`];
  for (const h of patch.hunks) {
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
    for (const line of h.lines) out.push(line);
  }
  return out.join("\n") + "\n";
}

function range(start: number, lines: number): string {
  if (lines === 0) return `${start},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}
