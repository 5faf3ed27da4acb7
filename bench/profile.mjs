#!/usr/bin/env node
// Where the dry run's time goes: runs `mitm-codemod --from 6 --to 12 --jobs 1 DIR` once under
// `node --cpu-prof` (one thread, so the whole run is in one profile) and summarises the
// profile: self time by source file, and self and inclusive time by function.
//
//   node bench/profile.mjs DIR [--top 25] [--out bench/out/profile]
// or summarise an existing profile:  node bench/profile.mjs --summarise FILE.cpuprofile
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");

/** Short name of a profile node's source: dist/src/x.js, dist/transforms/v7/y.js, node_modules/<pkg>, node:internal, (native). */
function sourceOf(url) {
  if (!url) return "(native / V8)";
  let p = url.startsWith("file://") ? fileURLToPath(url) : url;
  if (p.startsWith("node:")) return "node:internal";
  const nm = p.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = p.slice(nm + "/node_modules/".length).split("/");
    return `node_modules/${rest[0].startsWith("@") ? rest[0] + "/" + rest[1] : rest[0]}`;
  }
  if (p.startsWith(ROOT + "/")) return path.relative(ROOT, p);
  return p;
}

export function summarise(profile, top = 25) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per sample: the deltas (µs) of the following sample.
  const self = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    total += dt;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const fnKey = (n) => {
    const cf = n.callFrame;
    const special = cf.functionName.startsWith("(") && !cf.url;
    return special ? cf.functionName : `${cf.functionName || "(anonymous)"}  ${sourceOf(cf.url)}:${cf.lineNumber + 1}`;
  };
  const byFile = new Map();
  const selfByFn = new Map();
  const inclByFn = new Map();
  for (const [id, ms] of self) {
    const n = nodes.get(id);
    const special = n.callFrame.functionName.startsWith("(") && !n.callFrame.url;
    const file = special ? n.callFrame.functionName : sourceOf(n.callFrame.url);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    selfByFn.set(fnKey(n), (selfByFn.get(fnKey(n)) ?? 0) + ms);
    // Inclusive: each function once per stack.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = fnKey(nodes.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      inclByFn.set(k, (inclByFn.get(k) ?? 0) + ms);
    }
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  const lines = [];
  lines.push(`profile: ${(total / 1000).toFixed(2)} s sampled`);
  lines.push("", "self time by source:");
  for (const [k, ms] of sorted(byFile).slice(0, top)) lines.push(`  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${k}`);
  lines.push("", "self time by function:");
  for (const [k, ms] of sorted(selfByFn).slice(0, top)) lines.push(`  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${k}`);
  lines.push("", "inclusive time by function (the project's code and tree-sitter):");
  const ours = sorted(inclByFn).filter(([k]) => /dist\/|node_modules\/tree-sitter/.test(k));
  for (const [k, ms] of ours.slice(0, top)) lines.push(`  ${pct(ms)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${k}`);
  return {
    text: lines.join("\n") + "\n",
    totalMs: total,
    bySource: sorted(byFile).slice(0, top).map(([k, ms]) => ({ source: k, ms })),
    selfByFunction: sorted(selfByFn).slice(0, top).map(([k, ms]) => ({ fn: k, ms })),
    inclusiveByFunction: ours.slice(0, top).map(([k, ms]) => ({ fn: k, ms })),
  };
}

export function profileRun(dir, { out = path.join(HERE, "out", "profile"), top = 25, extra = [] } = {}) {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const args = ["--cpu-prof", `--cpu-prof-dir=${out}`, path.join(ROOT, "bin/mitm-codemod.js"), "--from", "6", "--to", "12", "--jobs", "1", ...extra, dir];
  const t0 = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30, env: { ...process.env, CI: "true" } });
  const wall = Date.now() - t0;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`profiled run failed (${r.status}): ${r.stderr?.toString().slice(-2000)}`);
  const files = fs.readdirSync(out).filter((f) => f.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error("no .cpuprofile written");
  const file = path.join(out, files[0]);
  const s = summarise(JSON.parse(fs.readFileSync(file, "utf8")), top);
  const text = `mitm-codemod --from 6 --to 12 --jobs 1 under --cpu-prof: ${(wall / 1000).toFixed(2)} s wall; ${file}\n` + s.text;
  fs.writeFileSync(path.join(out, "summary.txt"), text);
  return { ...s, text, file, wallMs: wall };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const top = Number(opt("top", 25));
  if (opt("summarise")) {
    process.stdout.write(summarise(JSON.parse(fs.readFileSync(opt("summarise"), "utf8")), top).text);
  } else {
    const dir = args.find((a, i) => !a.startsWith("--") && !["--top", "--out"].includes(args[i - 1]));
    if (!dir) {
      console.error("usage: node bench/profile.mjs DIR [--top 25] [--out DIR] | --summarise FILE.cpuprofile");
      process.exit(2);
    }
    process.stdout.write(profileRun(path.resolve(dir), { top, out: opt("out") ? path.resolve(opt("out")) : undefined }).text);
  }
}
