#!/usr/bin/env node
// The benchmark of the "Speed" issue: `npm run bench` (= build, then this script).
// Options and the meaning of each row: bench/README.md.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { DEFAULT_SEED, ensureCorpus } from "./gen-corpus.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const BIN = path.join(ROOT, "bin/mitm-codemod.js");
const NODE = process.execPath;
const require = createRequire(import.meta.url);

// ---- options -------------------------------------------------------------------------------

const HELP = `npm run bench -- [options]        (or: node bench/run.mjs [options] after npm run build)

  --n N               generated mitmproxy 6 addons per 1x corpus (default 2000)
  --scale K           corpus scale factor: K copies of the stdlib and K*N addons (default 1)
  --runs R            measured rounds (each runs every row once, in turn); the median of each
                      row is reported with min-max (default 5)
  --warmup W          unmeasured runs of each row before the rounds (default 1)
  --jobs J            pool size for the parse-only pool and ast-grep rows (default: the number
                      of cores, as the tool's default --jobs)
  --mem-scale M       also run the tool's dry run on an M-times bigger corpus for the memory
                      check (default 4; 0 skips it)
  --mem-runs R        runs of the memory rows (default 1, no warm-up)
  --mem-one-thread    also run the --jobs 1 dry run on the bigger corpus (slow)
  --flat-tolerance F  "flat" memory: peak at M x <= (1+F) * peak at 1x (default 0.25)
  --only IDS          run only these rows (comma-separated ids, see the table)
  --seed S            corpus seed (default ${DEFAULT_SEED})
  --profile           afterwards, profile one --jobs 1 dry run (node --cpu-prof) and summarise it
  --out DIR           results folder (default bench/out)
`;

function parseArgs(argv) {
  const o = { n: 2000, scale: 1, runs: 5, warmup: 1, jobs: os.availableParallelism?.() ?? os.cpus().length, memScale: 4, memRuns: 1, memOneThread: false, flatTolerance: 0.25, only: null, seed: DEFAULT_SEED, profile: false, out: path.join(HERE, "out") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const num = () => {
      const v = Number(val());
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a}: not a number`);
      return v;
    };
    switch (a) {
      case "--help":
      case "-h":
        process.stdout.write(HELP);
        process.exit(0);
      case "--n": o.n = num(); break;
      case "--scale": o.scale = num(); break;
      case "--runs": o.runs = Math.max(1, num()); break;
      case "--warmup": o.warmup = num(); break;
      case "--jobs": o.jobs = Math.max(1, num()); break;
      case "--mem-scale": o.memScale = num(); break;
      case "--mem-runs": o.memRuns = Math.max(1, num()); break;
      case "--mem-one-thread": o.memOneThread = true; break;
      case "--flat-tolerance": o.flatTolerance = num(); break;
      case "--only": o.only = new Set(val().split(",")); break;
      case "--seed": o.seed = num(); break;
      case "--profile": o.profile = true; break;
      case "--out": o.out = path.resolve(val()); break;
      default:
        throw new Error(`unknown option ${a}\n\n${HELP}`);
    }
  }
  if (!Number.isInteger(o.n) || !Number.isInteger(o.scale) || o.scale < 1) throw new Error("--n and --scale must be integers (scale >= 1)");
  return o;
}

// ---- measuring one process -----------------------------------------------------------------

/** GNU time with -v, if this machine has it: peak RSS (ru_maxrss of the child), user and system CPU. */
const GNU_TIME = (() => {
  const t = "/usr/bin/time";
  if (!fs.existsSync(t)) return null;
  const r = spawnSync(t, ["-v", "true"], { encoding: "utf8" });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr) ? t : null;
})();

function parseGnuTime(text) {
  const num = (re) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  return {
    maxRssKb: num(/Maximum resident set size \(kbytes\): (\d+)/),
    userS: num(/User time \(seconds\): ([\d.]+)/),
    systemS: num(/System time \(seconds\): ([\d.]+)/),
    exit: num(/Exit status: (\d+)/),
    signal: /Command terminated by signal (\d+)/.exec(text)?.[1] ?? null,
  };
}

/** Polls /proc/<pid>/status for VmHWM (the peak RSS so far) until the process exits: the fallback without GNU time. */
function pollHwm(pid, sink) {
  const read = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) sink.maxRssKb = Math.max(sink.maxRssKb ?? 0, Number(m[1]));
    } catch {
      /* gone */
    }
  };
  read();
  return setInterval(read, 5);
}

/**
 * Runs one command, stdout to `stdout` (a path, "/dev/null" by default), stderr to `stderr`.
 * Wall time is measured around the spawn in this process (the GNU time wrapper adds about a
 * millisecond to every row alike).
 */
async function runOnce(cmd, { stdout = "/dev/null", stderr = "/dev/null", env = {} }) {
  const out = fs.openSync(stdout, "w");
  const err = fs.openSync(stderr, "w");
  const timeFile = path.join(os.tmpdir(), `mitm-codemod-bench-${process.pid}.time`);
  const full = GNU_TIME ? [GNU_TIME, "-v", "-o", timeFile, ...cmd] : cmd;
  const childEnv = { ...process.env, CI: "true", ...env };
  delete childEnv.FORCE_COLOR;
  const sink = {};
  const t0 = process.hrtime.bigint();
  const child = spawn(full[0], full.slice(1), { stdio: ["ignore", out, err], env: childEnv, cwd: ROOT });
  const timer = GNU_TIME ? null : pollHwm(child.pid, sink);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (c, s) => resolve({ code: c, signal: s }));
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (timer) clearInterval(timer);
  fs.closeSync(out);
  fs.closeSync(err);
  let t = { maxRssKb: sink.maxRssKb ?? null, userS: null, systemS: null, exit: code, signal };
  if (GNU_TIME) {
    t = parseGnuTime(fs.readFileSync(timeFile, "utf8"));
    fs.rmSync(timeFile, { force: true });
  }
  return { wallMs, maxRssKb: t.maxRssKb, cpuS: t.userS !== null ? t.userS + t.systemS : null, exit: t.exit ?? code, signal: t.signal ?? signal };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Where a row's runs write their stdout (when the row reads it) and stderr. */
const logFiles = (row, logDir) => ({
  stdoutFile: row.keepStdout ? path.join(logDir, `${row.id}.stdout`) : "/dev/null",
  stderrFile: path.join(logDir, `${row.id}.stderr`),
});

/** One run of a row's command (checked against its expected exit codes). */
async function sampleRow(row, logDir) {
  const { stdoutFile, stderrFile } = logFiles(row, logDir);
  if (row.prepare) row.prepare();
  const r = await runOnce(row.cmd, { stdout: stdoutFile, stderr: stderrFile });
  const ok = row.ok ?? [0];
  if (!ok.includes(r.exit) || r.signal) {
    const tail = fs.readFileSync(stderrFile, "utf8").slice(-3000);
    throw new Error(`row ${row.id}: exit ${r.exit}${r.signal ? ` (signal ${r.signal})` : ""}, expected ${ok.join("/")}\n$ ${row.cmd.join(" ")}\n${tail}`);
  }
  return r;
}

/** A row's result from its measured samples. */
function summarise(row, samples, logDir) {
  const { stdoutFile, stderrFile } = logFiles(row, logDir);
  const walls = samples.map((s) => s.wallMs);
  const rss = samples.map((s) => s.maxRssKb).filter((x) => x !== null);
  const cpus = samples.map((s) => s.cpuS).filter((x) => x !== null);
  const result = {
    id: row.id,
    name: row.name,
    command: row.cmd.map((a) => (a.startsWith(ROOT + "/") ? path.relative(ROOT, a) : a === NODE ? "node" : a)).join(" "),
    corpus: row.corpus ?? null,
    runs: samples.length,
    medianMs: median(walls),
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    samplesMs: walls,
    peakRssMb: rss.length ? Math.max(...rss) * 1024 / 1e6 : null,
    rssSamplesMb: rss.map((k) => (k * 1024) / 1e6),
    cpuMedianS: cpus.length ? median(cpus) : null,
    exit: samples[samples.length - 1].exit,
  };
  if (row.after) Object.assign(result, row.after(stdoutFile, stderrFile));
  return result;
}

/**
 * The rows measured in rounds: every row's warm-up runs first, then each round runs every row
 * once, so that a machine that gets slower or faster over the minutes of a run moves every
 * row alike and the ratios stay fair (rows measured one after the other drifted apart by up to
 * 10% here). A row with its own number of runs (the memory rows) is measured alone, after.
 */
async function measureAll(rowList, o, logDir) {
  const interleaved = rowList.filter((r) => r.runs === undefined);
  const alone = rowList.filter((r) => r.runs !== undefined);
  const samples = new Map(rowList.map((r) => [r.id, []]));
  for (const row of interleaved) {
    for (let i = 0; i < (row.warmup ?? o.warmup); i++) await sampleRow(row, logDir);
  }
  process.stderr.write(`warm-up done; ${o.runs} rounds of ${interleaved.length} rows\n`);
  for (let round = 0; round < o.runs; round++) {
    process.stderr.write(`round ${round + 1}:`);
    for (const row of interleaved) {
      const r = await sampleRow(row, logDir);
      samples.get(row.id).push(r);
      process.stderr.write(` ${row.id} ${fmtMs(r.wallMs)}`);
    }
    process.stderr.write("\n");
  }
  for (const row of alone) {
    process.stderr.write(`${row.id.padEnd(14)} `);
    for (let i = 0; i < (row.warmup ?? o.warmup); i++) await sampleRow(row, logDir);
    for (let i = 0; i < row.runs; i++) {
      samples.get(row.id).push(await sampleRow(row, logDir));
      process.stderr.write(".");
    }
    process.stderr.write(` ${fmtMs(median(samples.get(row.id).map((s) => s.wallMs)))}\n`);
  }
  return rowList.map((row) => summarise(row, samples.get(row.id), logDir));
}

// ---- the rows ------------------------------------------------------------------------------

/** The tool's summary line on stderr: "N files · N to change · N findings · N errors". */
function toolSummary(_stdout, stderrFile) {
  const text = fs.readFileSync(stderrFile, "utf8");
  const m = /^(\d+) files? · (\d+) (?:to change|changed) · (\d+) findings? · (\d+) errors?.*$/m.exec(text);
  return m ? { summary: m[0], files: Number(m[1]), changed: Number(m[2]), findings: Number(m[3]), errors: Number(m[4]) } : { summary: null };
}

const jsonStdout = (stdoutFile) => {
  try {
    const j = JSON.parse(fs.readFileSync(stdoutFile, "utf8"));
    return { files: j.files };
  } catch {
    return {};
  }
};

function astGrepBinary() {
  // The platform package's native binary, found the way @ast-grep/cli's own shim finds it
  // (its postinstall, which only links that binary into place, is not run: see allowScripts).
  try {
    const p = require("@ast-grep/cli/postinstall.js").resolveBinaryPath();
    if (p && fs.existsSync(p)) return p;
  } catch {
    /* fall through */
  }
  const shim = path.join(ROOT, "node_modules/.bin/ast-grep");
  return fs.existsSync(shim) ? shim : null;
}

/** Rules in bench/ast-grep/rules (a file may hold several, separated by ---). */
function countRules() {
  const dir = path.join(HERE, "ast-grep/rules");
  let n = 0;
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith(".yml")) n += (fs.readFileSync(path.join(dir, f), "utf8").match(/^id:/gm) ?? []).length;
  }
  return n;
}

/** The pre-commit rows' files: the first 50 addons and the first 250 standard-library files (paths relative to the repository). */
async function commitFiles(dir) {
  const { pythonFiles } = await import("./files.mjs"); // after the build (it reads dist/)
  const all = pythonFiles(dir).map((f) => path.relative(ROOT, f));
  const addons = all.filter((f) => f.includes(`${path.sep}addons${path.sep}`)).slice(0, 50);
  const other = all.filter((f) => !f.includes(`${path.sep}addons${path.sep}`)).slice(0, 250);
  return [...addons, ...other];
}

function rows(o, corpus, big, sg, commit) {
  const dir = corpus.dir;
  const one = path.join(dir, corpus.firstAddon);
  const writeCopy = path.join(o.out, "write-copy");
  const tool = (...args) => [NODE, BIN, "--from", "6", "--to", "12", ...args];
  const sgCmd = (threads, d) => [sg.bin, "scan", "-c", path.join(HERE, "ast-grep/sgconfig.yml"), ...sg.flags, "--threads", String(threads), d];
  const list = [
    { id: "startup", name: "startup: mitm-codemod --version", cmd: [NODE, BIN, "--version"] },
    { id: "read", name: "read-only: read every file (node, 1 thread)", cmd: [NODE, path.join(HERE, "read-all.mjs"), dir], keepStdout: true, after: jsonStdout },
    { id: "parse-1", name: "parse-only: tree-sitter, 1 thread", cmd: [NODE, path.join(HERE, "parse-all.mjs"), "--jobs", "1", dir], keepStdout: true, after: jsonStdout },
    { id: "parse-pool", name: `parse-only: tree-sitter, pool of ${o.jobs}`, cmd: [NODE, path.join(HERE, "parse-all.mjs"), "--jobs", String(o.jobs), dir], keepStdout: true, after: jsonStdout },
    { id: "tool-1", name: "mitm-codemod dry run, --jobs 1", cmd: tool("--jobs", "1", dir), ok: [0, 1, 2], after: toolSummary },
    { id: "tool-pool", name: `mitm-codemod dry run, default jobs (${os.availableParallelism?.() ?? os.cpus().length})`, cmd: tool(dir), ok: [0, 1, 2], after: toolSummary },
    {
      id: "tool-write",
      name: "mitm-codemod --write, fresh copy (copy not timed)",
      cmd: tool("--write", writeCopy),
      ok: [0, 1, 2],
      after: toolSummary,
      prepare: () => {
        fs.rmSync(writeCopy, { recursive: true, force: true });
        fs.cpSync(dir, writeCopy, { recursive: true });
        // The copy's own writeback would otherwise land in the tool's file flushes (fsync).
        spawnSync("sync");
      },
    },
    { id: "tool-one", name: "mitm-codemod on one file (pre-commit)", cmd: tool(one), ok: [0, 1], after: toolSummary },
    // A pre-commit hook's usual run: a few hundred files named on the command line, a few of them addons.
    { id: "tool-commit", name: `mitm-codemod on ${commit.length} files (pre-commit), default jobs`, cmd: tool(...commit), ok: [0, 1, 2], after: toolSummary },
    { id: "tool-commit-1", name: `mitm-codemod on ${commit.length} files (pre-commit), --jobs 1`, cmd: tool("--jobs", "1", ...commit), ok: [0, 1, 2], after: toolSummary },
  ];
  if (sg.bin) {
    list.push(
      { id: "ast-grep", name: `ast-grep scan, ${sg.rules} rules, --threads ${o.jobs}`, cmd: sgCmd(o.jobs, dir) },
      { id: "ast-grep-1", name: `ast-grep scan, ${sg.rules} rules, --threads 1`, cmd: sgCmd(1, dir) },
    );
  }
  if (big) {
    list.push({ id: `tool-pool-x${o.memScale}`, name: `mitm-codemod dry run, default jobs, ${o.memScale}x corpus`, cmd: tool(big.dir), ok: [0, 1, 2], after: toolSummary, runs: o.memRuns, warmup: 0, corpus: big.name });
    // The floor on the same bigger corpus: how much of any growth the binding itself shows.
    list.push({ id: `parse-1-x${o.memScale}`, name: `parse-only: tree-sitter, 1 thread, ${o.memScale}x corpus`, cmd: [NODE, path.join(HERE, "parse-all.mjs"), "--jobs", "1", big.dir], keepStdout: true, after: jsonStdout, runs: o.memRuns, warmup: 0, corpus: big.name });
    if (o.memOneThread) {
      list.push({ id: `tool-1-x${o.memScale}`, name: `mitm-codemod dry run, --jobs 1, ${o.memScale}x corpus`, cmd: tool("--jobs", "1", big.dir), ok: [0, 1, 2], after: toolSummary, runs: o.memRuns, warmup: 0, corpus: big.name });
    }
  }
  for (const r of list) r.corpus ??= corpus.name;
  return o.only ? list.filter((r) => o.only.has(r.id)) : list;
}

// ---- report --------------------------------------------------------------------------------

const fmtMs = (ms) => (ms === null || ms === undefined ? "–" : ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const fmtRange = (a, b) => (a < 1000 && b < 1000 ? `${a.toFixed(0)}–${b.toFixed(0)} ms` : `${(a / 1000).toFixed(2)}–${(b / 1000).toFixed(2)} s`);
const fmtMb = (mb) => (mb === null ? "–" : `${mb.toFixed(0)} MB`);

function table(results) {
  const head = ["row", "name", "median", "min–max", "peak RSS", "CPU (u+s)"];
  const body = results.map((r) => [r.id, r.name, fmtMs(r.medianMs), fmtRange(r.minMs, r.maxMs), fmtMb(r.peakRssMb), r.cpuMedianS === null ? "–" : `${r.cpuMedianS.toFixed(2)} s`]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i >= 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join("  ");
  return [line(head), w.map((n) => "-".repeat(n)).join("  "), ...body.map(line)].join("\n");
}

// ---- main ----------------------------------------------------------------------------------

async function main() {
  const o = parseArgs(process.argv.slice(2));
  fs.mkdirSync(o.out, { recursive: true });
  const logDir = path.join(o.out, "logs");
  fs.mkdirSync(logDir, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, "dist/src/cli.js"))) throw new Error("dist/ is missing: run `npm run build` (npm run bench does)");

  const loadStart = os.loadavg();
  process.stderr.write(`mitm-codemod benchmark: n=${o.n} scale=${o.scale} runs=${o.runs} (+${o.warmup} warm-up) jobs=${o.jobs}\n`);
  if (loadStart[0] > os.cpus().length * 0.25) {
    process.stderr.write(`warning: the machine is busy (load average ${loadStart.map((x) => x.toFixed(2)).join(" ")} on ${os.cpus().length} cores): the numbers will be noisy\n`);
  }

  const corpus = await ensureCorpus({ n: o.n, scale: o.scale, seed: o.seed });
  corpus.name = `${o.scale}x`;
  const big = o.memScale > 0 && (!o.only || [...o.only].some((id) => /-x\d+$/.test(id)))
    ? { ...(await ensureCorpus({ n: o.n, scale: o.scale * o.memScale, seed: o.seed })), name: `${o.scale * o.memScale}x` }
    : null;
  const bin = astGrepBinary();
  const sg = {
    bin,
    version: bin ? spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout.trim() : null,
    // Default (human) output with colours off, to /dev/null: every match's fix is computed and
    // rendered as a diff, as the tool renders its diff. Nothing is written to the files.
    flags: ["--color", "never"],
    rules: countRules(),
  };
  if (!bin) process.stderr.write("warning: ast-grep not found (npm install); its rows are skipped\n");
  process.stderr.write(`corpus ${path.relative(ROOT, corpus.dir)}: ${corpus.files.total} files (${corpus.files.stdlib} stdlib + ${corpus.files.addons} addons), ${(corpus.bytes.total / 1e6).toFixed(1)} MB\n`);
  if (big) process.stderr.write(`memory corpus ${path.relative(ROOT, big.dir)}: ${big.files.total} files, ${(big.bytes.total / 1e6).toFixed(1)} MB\n`);
  process.stderr.write(`peak RSS from: ${GNU_TIME ? "GNU time -v (ru_maxrss)" : "/proc/<pid>/status VmHWM, polled every 5 ms"}\n`);

  const results = await measureAll(rows(o, corpus, big, sg, await commitFiles(corpus.dir)), o, logDir);
  for (const r of results) {
    process.stderr.write(`${r.id.padEnd(14)} ${fmtMs(r.medianMs)}${r.summary ? `  (${r.summary})` : r.files !== undefined ? `  (${r.files} files)` : ""}\n`);
  }
  fs.rmSync(path.join(o.out, "write-copy"), { recursive: true, force: true });
  const by = Object.fromEntries(results.map((r) => [r.id, r]));

  // Every row must have seen the same files.
  const counts = results.filter((r) => typeof r.files === "number" && r.corpus === corpus.name && !["tool-one", "tool-commit", "tool-commit-1"].includes(r.id)).map((r) => `${r.id}=${r.files}`);
  const notes = [];
  if (new Set(counts.map((c) => c.split("=")[1])).size > 1) notes.push(`rows saw different numbers of files: ${counts.join(", ")}`);
  if (by["tool-1"]?.errors) notes.push(`the tool reported ${by["tool-1"].errors} per-file errors (stdlib files that are not valid UTF-8 or have a bad coding cookie: expected)`);

  const ratio = (a, b) => (by[a] && by[b] ? by[a].medianMs / by[b].medianMs : null);
  const ratios = {
    "tool --jobs 1 / parse-only 1 thread": ratio("tool-1", "parse-1"),
    "tool default jobs / parse-only pool": ratio("tool-pool", "parse-pool"),
    "tool default jobs / ast-grep scan": ratio("tool-pool", "ast-grep"),
    "tool --jobs 1 / ast-grep --threads 1": ratio("tool-1", "ast-grep-1"),
    "parse-only pool / parse-only 1 thread": ratio("parse-pool", "parse-1"),
    "pre-commit run: default jobs / --jobs 1": ratio("tool-commit", "tool-commit-1"),
  };

  const toolRows = results.filter((r) => r.id.startsWith("tool-") || r.id === "startup");
  const peakTool = toolRows.length ? Math.max(...toolRows.map((r) => r.peakRssMb ?? 0)) : null;
  // Memory growth from 1x to Mx, for each dry run measured at both sizes.
  const growths = big
    ? ["tool-pool", "tool-1", "parse-1"]
        .filter((id) => by[id]?.peakRssMb && by[`${id}-x${o.memScale}`]?.peakRssMb)
        .map((id) => ({ id, small: by[id].peakRssMb, big: by[`${id}-x${o.memScale}`].peakRssMb, growth: by[`${id}-x${o.memScale}`].peakRssMb / by[id].peakRssMb }))
    : [];
  const toolGrowths = growths.filter((g) => g.id.startsWith("tool-"));
  const growth = toolGrowths.length ? Math.max(...toolGrowths.map((g) => g.growth)) : null;
  const target = (name, value, limit, pass) => ({ target: name, value, limit, pass: value === null || value === undefined ? null : pass });
  const targets = [
    target("dry run (default jobs) <= 1.0x ast-grep scan", ratios["tool default jobs / ast-grep scan"], 1.0, ratios["tool default jobs / ast-grep scan"] <= 1.0),
    target("dry run --jobs 1 <= parse-only of all files, 1 thread", ratios["tool --jobs 1 / parse-only 1 thread"], 1.0, ratios["tool --jobs 1 / parse-only 1 thread"] <= 1.0),
    target("peak memory of every tool run <= 400 MB", peakTool, 400, peakTool <= 400),
    target(`peak memory flat from ${o.scale}x to ${o.scale * o.memScale}x (growth <= ${o.flatTolerance * 100}%)`, growth, 1 + o.flatTolerance, growth <= 1 + o.flatTolerance),
    target("startup (--version) <= 150 ms", by.startup?.medianMs, 150, by.startup?.medianMs <= 150),
    target("one-file run <= 150 ms", by["tool-one"]?.medianMs, 150, by["tool-one"]?.medianMs <= 150),
  ];

  let profile = null;
  if (o.profile) {
    process.stderr.write("profiling one --jobs 1 dry run …\n");
    const { profileRun } = await import("./profile.mjs");
    profile = profileRun(corpus.dir, { out: path.join(o.out, "profile") });
  }

  const loadEnd = os.loadavg();
  const git = (...a) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? null;
  const out = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      availableParallelism: os.availableParallelism?.() ?? null,
      memoryGb: os.totalmem() / 1e9,
      loadavgStart: loadStart,
      loadavgEnd: loadEnd,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      rssFrom: GNU_TIME ? "GNU time -v" : "/proc VmHWM polling",
    },
    tool: { version: JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version, commit: git("rev-parse", "HEAD"), dirty: !!git("status", "--porcelain") },
    astGrep: bin ? { version: sg.version, binary: path.relative(ROOT, bin), flags: [...sg.flags, "--threads", "<row>"], output: "default (human, diff of each fix) to /dev/null; fixes computed, not applied", rules: sg.rules } : null,
    options: { ...o, only: o.only ? [...o.only] : null, out: path.relative(ROOT, o.out) },
    corpus: { [corpus.name]: { dir: path.relative(ROOT, corpus.dir), ...corpus.files, bytes: corpus.bytes.total, python: corpus.params.python }, ...(big ? { [big.name]: { dir: path.relative(ROOT, big.dir), ...big.files, bytes: big.bytes.total } } : {}) },
    rows: results,
    ratios,
    targets,
    memoryGrowth: growths,
    notes,
    profile: profile ? { wallMs: profile.wallMs, totalMs: profile.totalMs, bySource: profile.bySource, selfByFunction: profile.selfByFunction, inclusiveByFunction: profile.inclusiveByFunction, file: path.relative(ROOT, profile.file) } : null,
  };
  fs.writeFileSync(path.join(o.out, "results.json"), JSON.stringify(out, null, 2) + "\n");

  const p = [];
  p.push("");
  p.push(`mitm-codemod ${out.tool.version} (${out.tool.commit?.slice(0, 10)}${out.tool.dirty ? ", uncommitted changes" : ""}), node ${process.version}, ${os.cpus().length} cores, load ${loadStart.map((x) => x.toFixed(2)).join(" ")} → ${loadEnd.map((x) => x.toFixed(2)).join(" ")}`);
  p.push(`corpus ${corpus.name}: ${corpus.files.total} files (${corpus.files.stdlib} of Python ${corpus.params.python}'s stdlib + ${corpus.files.addons} generated v6 addons), ${(corpus.bytes.total / 1e6).toFixed(1)} MB; median of ${o.runs} runs (+${o.warmup} warm-up); peak RSS: ${out.machine.rssFrom}`);
  if (bin) p.push(`ast-grep ${sg.version}: ast-grep scan -c bench/ast-grep/sgconfig.yml ${sg.flags.join(" ")} --threads N DIR > /dev/null (${sg.rules} rules; default output, every fix computed and shown as a diff, nothing applied)`);
  p.push("");
  p.push(table(results));
  p.push("");
  p.push("ratios (of medians):");
  for (const [k, v] of Object.entries(ratios)) if (v !== null) p.push(`  ${k.padEnd(40)} ${v.toFixed(2)}x`);
  p.push("");
  p.push("targets:");
  for (const t of targets) {
    const v = t.value === null || t.value === undefined ? "–" : t.target.includes("MB") ? `${t.value.toFixed(0)} MB` : t.target.includes("ms") ? `${t.value.toFixed(0)} ms` : `${t.value.toFixed(2)}x`;
    p.push(`  ${t.pass === null ? "n/a " : t.pass ? "PASS" : "FAIL"}  ${t.target.padEnd(58)} ${v}`);
  }
  for (const g of growths) p.push(`  (peak RSS of ${g.id}: ${fmtMb(g.small)} at ${corpus.name}, ${fmtMb(g.big)} at ${big.name}: ${g.growth.toFixed(2)}x)`);
  for (const n of notes) p.push(`note: ${n}`);
  if (profile) p.push("", profile.text);
  p.push(`results: ${path.relative(ROOT, path.join(o.out, "results.json"))}; logs of the last run of each row: ${path.relative(ROOT, logDir)}/`);
  process.stdout.write(p.join("\n") + "\n");
}

main().catch((e) => {
  process.stderr.write(`\nbench: ${e.message}\n`);
  process.exit(2);
});
