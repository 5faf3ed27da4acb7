// What a run prints. text: a diff on stdout (in diff mode), findings and a summary on stderr.
// json: one versioned document on stdout (schema in docs/json-format.md). sarif: SARIF 2.1.0
// for code-scanning upload. The summary goes to stderr in every format.
import { createColors } from "picocolors";
import type { Mode } from "./options.js";
import type { FileResult, ReportedFinding } from "./process.js";
import type { Transform } from "./transform.js";

export type Format = "text" | "json" | "sarif";

export const JSON_FORMAT_VERSION = 1;

export interface Summary {
  files: number;
  changed: number;
  findings: number;
  notes: number;
  errors: number;
  heldBack: number;
  /** Files that were parsed (passed the pre-filter). */
  parsed: number;
}

export interface ReporterOptions {
  format: Format;
  mode: Mode;
  quiet: boolean;
  /** Colour the diff on stdout / the findings on stderr. */
  colorStdout: boolean;
  colorStderr: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  transforms: ReadonlyMap<string, Transform>;
  tool: { name: string; version: string; informationUri: string };
  plan: { from: string; to: string; steps: string[] };
}

export const REPORT_HINT = "please report it at https://github.com/mitm-codemod/mitm-codemod/issues with the file";

export class Reporter {
  readonly summary: Summary = { files: 0, changed: 0, findings: 0, notes: 0, errors: 0, heldBack: 0, parsed: 0 };
  private readonly files: FileResult[] = [];
  private readonly errors: { path: string; reason: string }[] = [];
  private readonly out;
  private readonly err;

  constructor(private readonly o: ReporterOptions) {
    this.out = createColors(o.colorStdout);
    this.err = createColors(o.colorStderr);
  }

  /** A path that could not even be considered (missing, dangling symlink, loop…). */
  pathError(display: string, reason: string): void {
    this.summary.errors++;
    this.errors.push({ path: display, reason });
    if (this.o.format === "text") this.o.stderr.write(`${this.err.bold(display)}: ${this.err.red("error:")} ${reason}\n`);
  }

  file(r: FileResult): void {
    const s = this.summary;
    s.files++;
    if (r.parsed) s.parsed++;
    s.heldBack += r.heldBack;
    if (r.status === "error") s.errors++;
    if (r.status === "changed") s.changed++;
    for (const f of r.findings) {
      if (f.severity === "info") s.notes++;
      else s.findings++;
    }
    if (this.o.format !== "text") {
      if (r.status !== "unchanged" || r.findings.length > 0) this.files.push({ ...r, output: undefined });
      return;
    }
    this.textFile(r);
  }

  private textFile(r: FileResult): void {
    const c = this.err;
    const { stderr, stdout, mode, quiet } = this.o;
    if (r.status === "error") {
      const e = r.error!;
      const what = e.internal ? c.red(e.reason) : `${c.red("error:")} ${e.reason}`;
      stderr.write(`${c.bold(r.display)}: ${what}${e.internal ? `; ${REPORT_HINT}` : ""}\n`);
      return;
    }
    // The file's lines for stderr go out in one write (a write is a system call when stderr is a file).
    let lines = "";
    if (r.status === "changed") {
      if (mode === "diff" && r.diff) stdout.write(this.o.colorStdout ? colorDiff(r.diff.toString("utf8"), this.out) : r.diff);
      if (mode === "check") lines += `${c.bold(r.display)}: would change\n`;
    }
    for (const f of r.findings) {
      if (f.severity === "info" && quiet) continue;
      const where = `${c.bold(r.display)}:${f.line}:${f.column}:`;
      const id = f.severity === "info" ? c.cyan(f.id) : c.yellow(f.id);
      lines += `${where} ${id} ${f.severity === "info" ? "note: " : ""}${f.message}\n`;
    }
    if (lines !== "") stderr.write(lines);
  }

  /** Prints what is left (json/sarif documents, the summary); returns the exit code. */
  finish(): number {
    const { format, stdout, stderr, quiet, mode } = this.o;
    if (format === "json") stdout.write(JSON.stringify(this.jsonDocument(), null, 2) + "\n");
    if (format === "sarif") stdout.write(JSON.stringify(this.sarifDocument(), null, 2) + "\n");
    if (!quiet) stderr.write(summaryLine(this.summary, mode) + "\n");
    return exitCode(this.summary);
  }

  jsonDocument(): unknown {
    const { tool, plan } = this.o;
    return {
      version: JSON_FORMAT_VERSION,
      tool: { name: tool.name, version: tool.version },
      plan,
      mode: this.o.mode,
      summary: this.summary,
      errors: this.errors,
      files: this.files.map((r) => ({
        path: r.display,
        status: r.status,
        ...(r.error ? { error: r.error } : {}),
        changes: r.changes.map((c) => ({
          transform: c.transform,
          catalog: this.o.transforms.get(c.transform)?.catalog ?? [],
          line: c.line,
          column: c.column,
          endLine: c.endLine,
          endColumn: c.endColumn,
        })),
        findings: r.findings.map((f) => ({
          id: f.id,
          severity: f.severity,
          message: f.message,
          transform: f.transform,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
        })),
        ...(r.diff ? { diff: r.diff.toString("utf8") } : {}),
      })),
    };
  }

  sarifDocument(): unknown {
    const { tool, transforms } = this.o;
    const rules = new Map<string, { id: string; text: string; help?: string }>();
    const ruleFor = (id: string, transformId: string, fallback: string) => {
      if (!rules.has(id)) {
        const t = transforms.get(transformId);
        rules.set(id, { id, text: t ? `${t.title}` : fallback, help: t?.description });
      }
      return id;
    };
    const region = (f: { line: number; column: number; endLine: number; endColumn: number }) => ({
      startLine: f.line,
      startColumn: f.column,
      endLine: f.endLine,
      endColumn: Math.max(f.endColumn, f.endLine === f.line ? f.column + 1 : f.endColumn),
    });
    const location = (path: string, f: Parameters<typeof region>[0]) => ({
      physicalLocation: { artifactLocation: { uri: encodeURI(path), uriBaseId: "%SRCROOT%" }, region: region(f) },
    });
    const results: unknown[] = [];
    for (const r of this.files) {
      for (const f of r.findings) {
        results.push({
          ruleId: ruleFor(f.id, f.transform, f.message),
          level: f.severity === "info" ? "note" : "warning",
          message: { text: f.message },
          locations: [location(r.display, f)],
        });
      }
      if (r.status === "changed" && this.o.mode !== "write") {
        // What the tool would rewrite is also something to act on: run it with --write.
        for (const c of r.changes) {
          const t = transforms.get(c.transform);
          const id = t?.catalog[0] ?? c.transform;
          results.push({
            ruleId: ruleFor(id, c.transform, c.transform),
            level: "warning",
            message: { text: `mitm-codemod can rewrite this (${c.transform}: ${t?.title ?? c.transform}); run it with --write` },
            locations: [location(r.display, c)],
          });
        }
      }
    }
    const notifications = [
      ...this.errors.map((e) => ({ path: e.path, reason: e.reason })),
      ...this.files.filter((r) => r.status === "error").map((r) => ({ path: r.display, reason: r.error!.reason })),
    ].map((e) => ({
      level: "error",
      message: { text: `${e.path}: ${e.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(e.path), uriBaseId: "%SRCROOT%" } } }],
    }));
    return {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: tool.name,
              version: tool.version,
              informationUri: tool.informationUri,
              rules: [...rules.values()].map((r) => ({
                id: r.id,
                shortDescription: { text: r.text },
                ...(r.help ? { fullDescription: { text: r.help } } : {}),
              })),
            },
          },
          invocations: [{ executionSuccessful: this.summary.errors === 0, toolExecutionNotifications: notifications }],
          results,
        },
      ],
    };
  }
}

export function exitCode(s: Summary): number {
  return s.errors > 0 ? 2 : s.changed > 0 || s.findings > 0 ? 1 : 0;
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

function colorDiff(diff: string, c: ReturnType<typeof createColors>): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("diff --git") || line.startsWith("--- ") || line.startsWith("+++ ")) return c.bold(line);
      if (line.startsWith("@@")) return c.cyan(line);
      if (line.startsWith("+")) return c.green(line);
      if (line.startsWith("-")) return c.red(line);
      return line;
    })
    .join("\n");
}

export type { ReportedFinding };
