// Many files: discover, read, process, then print a diff, write atomically, or only check.
// Results are reported in path order whatever order they finish in.
import fs from "node:fs";
import { discover, type Candidate } from "./files.js";
import { processSource, type FileResult, type ProcessOptions } from "./process.js";
import { writeAtomic } from "./write.js";
import type { Registry, Step, Transform } from "./transform.js";

export type Mode = "diff" | "write" | "check";

export interface RunOptions {
  paths: string[];
  excludes: string[];
  mode: Mode;
  registry: Registry;
  steps: readonly Step[];
  selected: (t: Transform) => boolean;
  unsafeFixes: boolean;
  quiet: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd?: string;
}

export interface Summary {
  files: number;
  changed: number;
  findings: number;
  notes: number;
  errors: number;
  heldBack: number;
}

export const REPORT_HINT = "please report it at https://github.com/mitm-codemod/mitm-codemod/issues with the file";

export async function run(o: RunOptions): Promise<{ code: number; summary: Summary; results: FileResult[] }> {
  const { files, errors } = discover(o.paths, o.excludes, o.cwd);
  const summary: Summary = { files: 0, changed: 0, findings: 0, notes: 0, errors: 0, heldBack: 0 };
  const popts: ProcessOptions = {
    registry: o.registry,
    steps: o.steps,
    selected: o.selected,
    unsafeFixes: o.unsafeFixes,
    wantDiff: o.mode === "diff",
  };

  for (const e of errors) {
    o.stderr.write(`${e.display}: error: ${e.reason}\n`);
    summary.errors++;
  }

  const ordered = [...files].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  const results: FileResult[] = [];
  for (const c of ordered) {
    const r = processCandidate(c, popts);
    summary.files++;
    report(r, c, o, summary);
    results.push(r);
    // Let the event loop turn: node-tree-sitter frees trees' native memory only then.
    await new Promise((resolve) => setImmediate(resolve));
  }

  if (!o.quiet) o.stderr.write(summaryLine(summary, o.mode) + "\n");
  const code = summary.errors > 0 ? 2 : summary.changed > 0 || summary.findings > 0 ? 1 : 0;
  return { code, summary, results };
}

function processCandidate(c: Candidate, popts: ProcessOptions): FileResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(c.real);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === "EACCES" ? "permission denied" : err.code === "EISDIR" ? "is a directory" : err.message;
    return { display: c.display, status: "error", error: { reason: `cannot read: ${reason}` }, findings: [], changes: [], heldBack: 0 };
  }
  try {
    return processSource(c.display, bytes, popts);
  } catch (e) {
    return {
      display: c.display,
      status: "error",
      error: { reason: `internal error: ${(e as Error).message}`, internal: true },
      findings: [],
      changes: [],
      heldBack: 0,
    };
  }
}

function report(r: FileResult, c: Candidate, o: RunOptions, summary: Summary): void {
  summary.heldBack += r.heldBack;
  if (r.status === "error") {
    summary.errors++;
    const e = r.error!;
    o.stderr.write(`${r.display}: ${e.internal ? "" : "error: "}${e.reason}${e.internal ? `; ${REPORT_HINT}` : ""}\n`);
    return;
  }
  if (r.status === "changed") {
    summary.changed++;
    if (o.mode === "diff" && r.diff) o.stdout.write(r.diff);
    if (o.mode === "write" && r.output) {
      try {
        writeAtomic(c.real, r.output);
      } catch (e) {
        summary.changed--;
        summary.errors++;
        o.stderr.write(`${r.display}: error: cannot write: ${(e as Error).message}\n`);
        return;
      }
    }
    if (o.mode === "check") o.stderr.write(`${r.display}: would change\n`);
  }
  for (const f of r.findings) {
    if (f.severity === "info") {
      summary.notes++;
      if (o.quiet) continue;
      o.stderr.write(`${r.display}:${f.line}:${f.column}: ${f.id} note: ${f.message}\n`);
    } else {
      summary.findings++;
      o.stderr.write(`${r.display}:${f.line}:${f.column}: ${f.id} ${f.message}\n`);
    }
  }
}

export function summaryLine(s: Summary, mode: Mode): string {
  const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;
  const parts = [
    plural(s.files, "file"),
    `${s.changed} ${mode === "write" ? "changed" : "to change"}`,
    plural(s.findings, "finding"),
    plural(s.errors, "error"),
  ];
  if (s.heldBack > 0) parts.push(`${plural(s.heldBack, "unsafe fix", "unsafe fixes")} held back (--unsafe-fixes)`);
  return parts.join(" · ");
}
