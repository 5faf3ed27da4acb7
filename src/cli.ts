// The command line: flags (and [tool.mitm-codemod] in pyproject.toml) → a run.
// Exit codes: 0 nothing to do; 1 changes made or needed, or findings left; 2 usage error,
// unreadable or unparsable input, internal error. Heavy modules (tree-sitter, the
// transforms) load only when a run needs them, so --version and --help start fast.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import yargs from "yargs";
import type { Registry, Step, Transform } from "./transform.js";
import { UsageError } from "./versions.js";

const require = createRequire(import.meta.url);
const pkg = require("../../package.json") as { version: string; homepage?: string };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SNAPSHOTS_DIR = path.join(ROOT, "snapshots");

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() }): Promise<number> {
  try {
    return await mainInner(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`mitm-codemod: ${e.message}\nTry 'mitm-codemod --help'.\n`);
      return 2;
    }
    throw e;
  }
}

function buildParser(argv: string[]) {
  return yargs(argv)
    .scriptName("mitm-codemod")
    .usage(
      "Usage: mitm-codemod [--from VERSION] [--to VERSION] [--write | --check] PATH...\n\n" +
        "Migrates mitmproxy addon scripts across mitmproxy's breaking API changes (6.0.2 → 12.x).\n" +
        "By default prints a unified diff and writes nothing. PATH '-' reads one file from stdin\n" +
        "and writes the migrated source to stdout.",
    )
    .option("from", { type: "string", describe: "version the addons were written for: 6, 7, 8, 9, 9.1, 10, 11, 12, a release such as 6.0.2, or auto (default: detected from a pin or the APIs used)" })
    .option("to", { type: "string", describe: "version to migrate to (default: the newest)" })
    .option("write", { alias: "w", type: "boolean", describe: "rewrite the files in place (atomically)" })
    .option("check", { type: "boolean", describe: "write nothing; exit 1 if anything would change or needs manual work" })
    .option("list", { type: "boolean", default: false, describe: "list the planned steps and transforms, then exit" })
    .option("explain", { type: "string", requiresArg: true, describe: "explain a transform (id such as v7/http-classes, or a catalogue row such as M7-03)" })
    .option("only", { type: "string", requiresArg: true, describe: "run only this transform id (repeatable)" })
    .option("skip", { type: "string", requiresArg: true, describe: "skip this transform id (repeatable)" })
    .option("unsafe-fixes", { type: "boolean", describe: "also apply fixes marked unsafe" })
    .option("exclude", { type: "string", requiresArg: true, describe: "skip paths matching this glob (repeatable, .gitignore syntax)" })
    .option("annotate", { type: "boolean", default: false, describe: "insert '# mitm-codemod: ID message' above each place that needs manual work" })
    .option("format", { type: "string", choices: ["text", "json", "sarif"], describe: "output format (json: docs/json-format.md; sarif: SARIF 2.1.0)" })
    .option("jobs", { alias: "j", type: "number", requiresArg: true, describe: "at most this many worker threads (default: the number of cores); a small run stays on one thread" })
    .option("color", { type: "string", choices: ["auto", "always", "never"], default: "auto", describe: "colour the diff and findings" })
    .option("stdin-filename", { type: "string", requiresArg: true, describe: "the name of the file read from stdin (for messages and configuration)" })
    .option("quiet", { alias: "q", type: "boolean", default: false, describe: "print only findings and errors (no summary, notes or progress)" })
    .conflicts("write", "check")
    .example("mitm-codemod --from 6 ./addons", "review the changes as a unified diff")
    .example("mitm-codemod --from 6 --to 12 --write ./addons", "rewrite the files in place")
    .example("mitm-codemod --from 8 --check addon.py", "CI / pre-commit: exit 1 if anything is left to do")
    .example("mitm-codemod --list --from 6 --to 7", "show what a migration would run")
    .example("mitm-codemod --explain H7-01", "what a transform does, with an example")
    .example("cat addon.py | mitm-codemod --from 6 - > new.py", "migrate a file through a pipe")
    .epilogue(
      "Exit codes: 0 nothing to do · 1 changes made or needed, or findings left · 2 usage error, bad input or internal error.\n" +
        "Settings can also live in pyproject.toml under [tool.mitm-codemod] (from, to, exclude, only, skip, unsafe-fixes, format).",
    )
    .version(pkg.version)
    .help()
    .alias("help", "h")
    .strictOptions()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      throw new UsageError(err?.message ?? msg);
    });
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function wantsColor(choice: string, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (choice === "always") return true;
  if (choice === "never") return false;
  if ("NO_COLOR" in env && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== "0") return true;
  return !!stream.isTTY && !env.CI && env.TERM !== "dumb";
}

async function mainInner(argv: string[], io: Io): Promise<number> {
  // Start loading the run's modules while yargs parses (not for --version/--help, which must
  // answer without them).
  const preload = argv.some((a) => a === "--version" || a === "--help" || a === "-h") ? null : import("./run-modules.js");
  preload?.catch(() => {}); // an error surfaces at the await below
  let printed = false;
  const parser = buildParser(argv);
  parser.showHelpOnFail(false);
  const args = await parser.parseAsync(argv, {}, (err, _argv, output) => {
    if (output && !err) {
      printed = true;
      io.stdout.write(output + "\n");
    }
  });
  if (printed) return 0;

  const m = await (preload ?? import("./run-modules.js"));
  const { registry, versions } = m;
  const paths = (args._ as (string | number)[]).map(String);
  const stdinMode = paths.length === 1 && paths[0] === "-";
  if (paths.includes("-") && !stdinMode) throw new UsageError("'-' (stdin) cannot be combined with other paths");

  // Settings from the nearest pyproject.toml; flags win.
  const { findConfig } = m;
  const configDir = stdinMode
    ? path.dirname(path.resolve(io.cwd, args["stdin-filename"] ?? "stdin.py"))
    : paths.length > 0
      ? dirOf(path.resolve(io.cwd, paths[0]))
      : io.cwd;
  const fileConfig = findConfig(configDir)?.config ?? {};
  const fromText = args.from ?? fileConfig.from ?? "auto";
  const toText = args.to ?? fileConfig.to;
  const onlyIds = args.only !== undefined ? asList(args.only) : (fileConfig.only ?? []);
  const skipIds = args.skip !== undefined ? asList(args.skip) : (fileConfig.skip ?? []);
  const excludes = [...(fileConfig.exclude ?? []), ...asList(args.exclude)];
  const unsafeFixes = args["unsafe-fixes"] ?? fileConfig["unsafe-fixes"] ?? false;
  const format = (args.format ?? fileConfig.format ?? "text") as "text" | "json" | "sarif";

  if (args.explain !== undefined) {
    const { explain } = m;
    const text = explain(registry, SNAPSHOTS_DIR, args.explain);
    if (!text) throw new UsageError(`no transform or catalogue row '${args.explain}'; see --list`);
    io.stdout.write(text);
    return 0;
  }

  const known = new Set(registry.steps.flatMap((s) => s.transforms).map((t) => t.id));
  for (const id of [...onlyIds, ...skipIds]) {
    if (!known.has(id)) throw new UsageError(`unknown transform id '${id}'; see --list for the ids`);
  }
  const { selector } = m;
  const selected = selector({ only: onlyIds, skip: skipIds });

  if (args.list && (args.from === undefined && fileConfig.from === undefined)) {
    io.stdout.write(listPlan(registry.steps, selected));
    return 0;
  }
  if (!args.list && paths.length === 0) throw new UsageError("no PATH given (files or directories to migrate, or - for stdin)");
  if (stdinMode && format !== "text") throw new UsageError("--format json/sarif cannot be used with stdin ('-'): stdout carries the source");

  // Files first: --from auto may look at them.
  const { discover } = m;
  const discovery = stdinMode ? { files: [], errors: [] } : discover(paths, excludes, io.cwd);

  let fromVersion: string = fromText;
  if (fromText === "auto") {
    const { detectFrom } = m;
    const inputs = stdinMode ? [args["stdin-filename"] ?? "stdin.py"] : paths;
    const detected = detectFrom(registry, inputs, discovery.files.map((f) => f.real), io.cwd);
    if (!detected) {
      throw new UsageError(
        `could not detect which mitmproxy version the code was written for (no mitmproxy pin in requirements*.txt, pyproject.toml, setup.cfg or Pipfile, and no version-specific API found); pass --from, e.g. --from 6`,
      );
    }
    fromVersion = detected.version;
    if (!args.quiet) io.stderr.write(`mitm-codemod: --from ${detected.version} (detected: ${detected.reason})\n`);
  }
  const range = versions.parseRange(registry, fromVersion, toText);
  const steps = versions.plan(registry, range.from, range.to);

  if (args.list) {
    io.stdout.write(listPlan(steps, selected));
    return 0;
  }

  const mode = args.write ? "write" : args.check ? "check" : "diff";
  const config = {
    stepLabels: steps.map((s) => s.label),
    only: onlyIds,
    skip: skipIds,
    unsafeFixes,
    mode,
    annotate: args.annotate,
  } as const;
  const colorChoice = args.color ?? "auto";
  const { Reporter, Progress } = m;
  const progress = new Progress(io.stderr, !!io.stderr.isTTY && !io.env.CI && !args.quiet && !stdinMode);
  const stderr = {
    write: (s: string | Uint8Array) => {
      progress.clear();
      return io.stderr.write(s);
    },
  } as NodeJS.WritableStream;
  const reporter = new Reporter({
    format,
    mode,
    quiet: args.quiet,
    colorStdout: format === "text" && !stdinMode && wantsColor(colorChoice, io.stdout, io.env),
    colorStderr: wantsColor(colorChoice, io.stderr, io.env),
    stdout: io.stdout,
    stderr,
    transforms: new Map(registry.steps.flatMap((s) => s.transforms).map((t) => [t.id, t])),
    tool: { name: "mitm-codemod", version: pkg.version, informationUri: pkg.homepage ?? "https://github.com/mitm-codemod/mitm-codemod" },
    plan: { from: range.from.label, to: range.to.label, steps: steps.map((s) => s.label) },
  });

  if (stdinMode) return runStdin(io, args["stdin-filename"] ?? "-", registry, config, reporter);

  for (const e of discovery.errors) reporter.pathError(e.display, e.reason);
  const { processAll, defaultJobs } = m;
  const jobs = args.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs must be a positive integer");
  await processAll({
    files: discovery.files,
    config,
    jobs,
    registry,
    onResult: (r) => reporter.file(r),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.clear();
  return reporter.finish();
}

async function runStdin(io: Io, name: string, registry: Registry, config: import("./options.js").RunConfig, reporter: import("./report.js").Reporter): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  const input = Buffer.concat(chunks);
  const { processSource, processOptions } = await import("./run-modules.js");
  const opts = { ...processOptions(registry, config), wantDiff: false };
  const r = processSource(name, input, opts);
  // Pipes and editors get the whole (migrated or untouched) source back.
  if (config.mode !== "check") io.stdout.write(r.output ?? input);
  reporter.file({ ...r, diff: undefined });
  return reporter.finish();
}

function dirOf(p: string): string {
  try {
    return fs.statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

export function listPlan(steps: readonly Step[], selected: (t: Transform) => boolean): string {
  const lines: string[] = [];
  for (const step of steps) {
    const ts = step.transforms.filter(selected);
    if (ts.length === 0) continue;
    lines.push(`step ${step.label} (breaks shipped in mitmproxy ${step.release})`);
    const w = Math.max(...ts.map((t) => t.id.length));
    for (const t of ts) {
      lines.push(`  ${t.id.padEnd(w)}  ${t.safety.padEnd(6)}  ${t.catalog.join(" ")}`);
      lines.push(`  ${"".padEnd(w)}  ${t.title}`);
    }
  }
  if (lines.length === 0) lines.push("nothing planned");
  return lines.join("\n") + "\n";
}
