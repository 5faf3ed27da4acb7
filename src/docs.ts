// --explain and docs/transforms.md, both generated from the registry and the snapshot pairs
// (a transform's example is its own first snapshot case that changes something).
import fs from "node:fs";
import path from "node:path";
import { unifiedDiff } from "./diff.js";
import type { Registry, Step, Transform } from "./transform.js";

export interface Example {
  name: string;
  diff: string;
  findings: string;
}

/** The first snapshot case of a transform that changes code (else the first one with findings). */
export function exampleFor(snapshotsDir: string, t: Transform): Example | null {
  const [step, name] = t.id.split("/");
  const dir = path.join(snapshotsDir, step, name);
  let cases: string[];
  try {
    cases = fs.readdirSync(dir).filter((f) => f.endsWith(".input.py")).sort();
  } catch {
    return null;
  }
  const load = (c: string) => {
    const base = path.join(dir, c.slice(0, -".input.py".length));
    const read = (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, "utf8") : null);
    return { name: path.basename(base), input: read(base + ".input.py")!, output: read(base + ".output.py"), findings: read(base + ".findings.txt") ?? "" };
  };
  const all = cases.map(load);
  const withOutput = all.find((c) => c.output !== null);
  const pick = withOutput ?? all.find((c) => c.findings) ?? null;
  if (!pick) return null;
  const diff = pick.output !== null ? unifiedDiff(`${pick.name}.py`, pick.input, pick.output).split("\n").slice(3).join("\n") : "";
  return { name: pick.name, diff, findings: pick.findings };
}

export function findTransform(registry: Registry, id: string): { t: Transform; step: Step } | null {
  for (const step of registry.steps) {
    for (const t of step.transforms) {
      if (t.id === id || t.catalog.includes(id.toUpperCase())) return { t, step };
    }
  }
  return null;
}

function wrap(text: string, width = 88, indent = "  "): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

export function explain(registry: Registry, snapshotsDir: string, id: string): string | null {
  const found = findTransform(registry, id);
  if (!found) return null;
  const { t, step } = found;
  const out = [
    `${t.id} — ${t.title}`,
    `step ${step.label} (breaks shipped in mitmproxy ${step.release}) · fix safety: ${t.safety}${t.safety === "unsafe" ? " (applied only with --unsafe-fixes)" : ""} · catalogue rows: ${t.catalog.join(", ")}`,
    "",
    "What and why:",
    wrap(t.description),
  ];
  const ex = exampleFor(snapshotsDir, t);
  if (ex) {
    out.push("", `Example (snapshots/${t.id}/${ex.name}):`);
    if (ex.diff) out.push(ex.diff.trimEnd().split("\n").map((l) => "  " + l).join("\n"));
    if (ex.findings) out.push("  findings:", ex.findings.trimEnd().split("\n").map((l) => "    " + l).join("\n"));
  }
  return out.join("\n") + "\n";
}

/** docs/transforms.md: every transform of the registry, by step. */
export function transformsDoc(registry: Registry, snapshotsDir: string): string {
  const out = [
    "# Transforms",
    "",
    "Generated from the registry (`transforms/`) and the snapshot pairs (`snapshots/`) by",
    "`npm run docs`; a test fails when this file is stale. `mitm-codemod --explain ID` prints",
    "the same for one transform (ID may be a transform id or a catalogue row such as H7-01).",
    "",
    "Fix safety: **safe** fixes are applied by default; **unsafe** ones only with `--unsafe-fixes`.",
    "Rows that cannot be rewritten safely are reported as findings (`path:line:col: ID message`).",
    "",
  ];
  for (const step of registry.steps) {
    out.push(`## Step ${step.label} (breaks shipped in mitmproxy ${step.release})`, "");
    if (step.transforms.length === 0) {
      out.push("No transforms.", "");
      continue;
    }
    out.push("| id | rows | safety | title |", "|---|---|---|---|");
    for (const t of step.transforms) out.push(`| \`${t.id}\` | ${t.catalog.join(", ")} | ${t.safety} | ${t.title.replace(/\|/g, "\\|")} |`);
    out.push("");
    for (const t of step.transforms) {
      out.push(`### \`${t.id}\``, "", `**${t.title}** — rows ${t.catalog.join(", ")}, ${t.safety}.`, "", t.description, "");
      const ex = exampleFor(snapshotsDir, t);
      if (ex?.diff) out.push(`Example (\`snapshots/${t.id}/${ex.name}\`):`, "", "```diff", ex.diff.trimEnd(), "```", "");
      if (ex?.findings) out.push("Findings:", "", "```", ex.findings.trimEnd(), "```", "");
    }
  }
  return out.join("\n");
}
