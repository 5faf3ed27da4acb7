// One file, bytes in → result out: decode, pre-filter, parse, run the pipeline, annotate,
// diff. Pure: the caller reads and writes.
import { annotate, ANNOTATION_PREFIX, leftoverAnnotations } from "./annotate.js";
import { DecodeError, decodeSource, encodeSource, type SourceEncoding } from "./encoding.js";
import { firstSyntaxError, parse } from "./parser.js";
import { mayMatch, runPipeline } from "./pipeline.js";
import { detectLayout, positionIn, type Finding } from "./source.js";
import { lineStartsOf } from "./lines.js";
import { unifiedDiff } from "./diff.js";
import { ChangeMap } from "./change-map.js";
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

export interface FileError {
  reason: string;
  internal?: boolean;
  transform?: string;
  line?: number;
  column?: number;
}

export interface FileResult {
  display: string;
  /** "error": input problem or internal error (the file is left untouched). */
  status: "unchanged" | "changed" | "error";
  error?: FileError;
  findings: ReportedFinding[];
  changes: ReportedChange[];
  heldBack: number;
  /** New file content (only when changed). */
  output?: Buffer;
  /** Unified diff, encoded like the file (only when changed and a diff was asked for). */
  diff?: Buffer;
  /** Set by the runner: the file was parsed (it passed the pre-filter). */
  parsed?: boolean;
}

export interface ProcessOptions {
  registry: Registry;
  steps: readonly Step[];
  selected: (t: Transform) => boolean;
  unsafeFixes: boolean;
  wantDiff: boolean;
  annotate?: boolean;
}

export function errorResult(display: string, error: FileError): FileResult {
  return { display, status: "error", error, findings: [], changes: [], heldBack: 0 };
}

/**
 * A file that passed the screening: decoded, and mentioning something an addon would (the
 * rest of the work is parsing and migrating it).
 */
export interface Screened {
  display: string;
  text: string;
  encoding: SourceEncoding;
  /** Its size in bytes (the runner's measure of the work left). */
  size: number;
}

/**
 * The cheap first part of processSource: decode and pre-filter. Its result is final for most
 * files of a big repository (they never mention mitmproxy); a Screened file goes on to
 * processScreened.
 */
export function screenSource(display: string, bytes: Uint8Array, opts: ProcessOptions): FileResult | Screened {
  let decoded;
  try {
    decoded = decodeSource(bytes);
  } catch (e) {
    if (e instanceof DecodeError) return errorResult(display, { reason: e.message });
    throw e;
  }
  const { text, encoding } = decoded;
  // A cheap text test first: most files of a big repository never mention mitmproxy.
  if (!mayMatch(text, opts.registry.knowledge.evidenceWords) && !text.includes(ANNOTATION_PREFIX)) return unchangedResult(display);
  return { display, text, encoding, size: bytes.length };
}

export const isScreened = (r: FileResult | Screened): r is Screened => "text" in r;

function unchangedResult(display: string): FileResult {
  return { display, status: "unchanged", findings: [], changes: [], heldBack: 0, parsed: false };
}

export function processSource(display: string, bytes: Uint8Array, opts: ProcessOptions): FileResult {
  const screened = screenSource(display, bytes, opts);
  return isScreened(screened) ? processScreened(screened, opts) : screened;
}

/** Parses and migrates a file that passed the screening. */
export function processScreened(screened: Screened, opts: ProcessOptions): FileResult {
  const { display, text, encoding } = screened;
  const base = unchangedResult(display);
  const tree = parse(text);
  base.parsed = true;
  const err = firstSyntaxError(tree.rootNode);
  if (err) {
    const pos = positionIn(text, lineStartsOf(text), err.startIndex);
    return errorResult(display, { reason: `syntax error at ${pos.line}:${pos.column}; file skipped`, line: pos.line, column: pos.column });
  }
  const result = runPipeline(display, text, tree, opts.steps, {
    selected: opts.selected,
    unsafeFixes: opts.unsafeFixes,
    knowledge: opts.registry.knowledge,
  });
  if (result.error) {
    return errorResult(display, {
      reason: `internal error in transform ${result.error.transform}: ${result.error.message}`,
      internal: true,
      transform: result.error.transform,
    });
  }

  let output = result.output;
  let findings: Finding[] = result.findings;
  let changes = result.changes;
  const changeMap = new ChangeMap(result.regions);
  let outTree = result.tree;
  if (opts.annotate || output.includes(ANNOTATION_PREFIX)) {
    const warnings = findings.filter((f) => f.severity === "warning");
    if (opts.annotate && warnings.length > 0) {
      const a = annotate(output, outTree, detectLayout(output), warnings);
      if (a.edits.size > 0) {
        const map = (o: number) => a.edits.mapOffset(o);
        findings = findings.map((f) => ({ ...f, start: map(f.start), end: map(f.end) }));
        changes = changes.map((c) => ({ ...c, start: map(c.start), end: map(c.end) }));
        let delta = 0;
        for (const e of a.edits.sorted()) {
          changes.push({ transform: "annotate", start: e.start + delta, end: e.start + delta + e.text.length });
          delta += e.text.length;
        }
        changeMap.apply(a.edits.changes());
        output = a.text;
        outTree = parse(output);
      }
    }
    for (const left of leftoverAnnotations(output, outTree, findings.filter((f) => f.severity === "warning"))) {
      findings.push({
        id: left.id,
        severity: "warning",
        transform: "annotate",
        message: `annotation left by mitm-codemod (${left.message || "no message"}); remove the comment once the code is migrated`,
        start: left.start,
        end: left.end,
      });
    }
    findings.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  }

  const starts = lineStartsOf(output);
  const locate = (start: number, end: number): Located => {
    const a = positionIn(output, starts, start);
    const b = positionIn(output, starts, end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  const reported = findings.map((f) => ({ id: f.id, severity: f.severity, message: f.message, transform: f.transform, ...locate(f.start, f.end) }));
  const reportedChanges = changes.sort((a, b) => a.start - b.start).map((c) => ({ transform: c.transform, ...locate(c.start, c.end) }));
  if (output === text) return { ...base, findings: reported, heldBack: result.heldBack };
  let bytesOut: Buffer;
  try {
    bytesOut = encodeSource(output, encoding);
  } catch (e) {
    return errorResult(display, { reason: (e as Error).message });
  }
  const out: FileResult = { ...base, status: "changed", findings: reported, changes: reportedChanges, heldBack: result.heldBack, output: bytesOut };
  if (opts.wantDiff) {
    const diffText = unifiedDiff(display, text, output, changeMap.regions);
    out.diff = encoding.singleByte ? Buffer.from(diffText, "latin1") : Buffer.from(diffText, "utf8");
  }
  return out;
}
