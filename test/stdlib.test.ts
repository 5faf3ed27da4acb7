// No false positives on real code: the Python standard library of this machine's python3
// (over a thousand files that never import mitmproxy, some with methods called log, request
// or response) must not change at all, and yield no finding.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const BIN = path.resolve(__dirname, "../bin/mitm-codemod.js");

it("--check over the Python standard library changes nothing and reports nothing", () => {
  const stdlib = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).stdout.trim();
  expect(stdlib).not.toBe("");
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, "--from", "6", "--to", "12", "--check", "--format", "json", stdlib], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  const doc = JSON.parse(r.stdout);
  const s = doc.summary;
  console.log(
    `stdlib ${stdlib}: ${s.files} files scanned, ${s.parsed} parsed (passed the pre-filter), ${s.changed} would change, ` +
      `${s.findings} findings, ${s.errors} errors (input errors: ${doc.files.filter((f: { status: string }) => f.status === "error").map((f: { path: string }) => path.basename(f.path)).join(", ")}), ${ms} ms`,
  );
  expect(s.files).toBeGreaterThan(1000);
  expect(s.changed).toBe(0);
  expect(s.findings).toBe(0);
  // The only errors allowed are the stdlib's own deliberately broken test files (bad encodings):
  // input errors, never internal ones.
  for (const f of doc.files) {
    expect(f.status, f.path).toBe("error");
    expect(f.error.internal ?? false, f.path).toBe(false);
  }
}, 300_000);

it("even treated as addons (evidence gate off), stdlib files with log/request/response/… functions are not changed", async () => {
  const fs = await import("node:fs");
  const { parse } = await import("../src/parser.js");
  const { runPipeline } = await import("../src/pipeline.js");
  const { registry, stepsFor } = await import("./helpers.js");
  const stdlib = spawnSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], { encoding: "utf8" }).stdout.trim();
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== "site-packages") walk(p);
      } else if (e.name.endsWith(".py")) files.push(p);
    }
  };
  walk(stdlib);
  // The files at risk: they define functions or methods named like event hooks.
  const hookish = /\bdef (log|request|response|error|load|done|configure|update|running)\(/;
  const steps = stepsFor("6", "12");
  const findings: Record<string, number> = {};
  let tried = 0;
  const changed: string[] = [];
  for (const f of files.sort()) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(f));
    } catch {
      continue;
    }
    if (!hookish.test(text)) continue;
    const tree = parse(text);
    if (tree.rootNode.hasError) continue;
    tried++;
    const r = runPipeline(f, text, tree, steps, { selected: () => true, unsafeFixes: true, knowledge: registry.knowledge, assumeAddon: true });
    expect(r.error, f).toBeUndefined();
    if (r.changed) changed.push(path.relative(stdlib, f));
    for (const x of r.findings) if (x.severity === "warning") findings[x.id] = (findings[x.id] ?? 0) + 1;
  }
  console.log(`gate off: ${tried} stdlib files with hook-named functions, ${changed.length} changed, findings by id ${JSON.stringify(findings)}`);
  expect(tried).toBeGreaterThan(30);
  expect(changed).toEqual([]);
}, 300_000);
