// The snapshot pairs under snapshots/<step>/<transform>/<case>.{input,output}.py (+ .findings.txt).
import fs from "node:fs";
import path from "node:path";

export const SNAPSHOTS_ROOT = path.resolve(__dirname, "../snapshots");

export interface SnapshotCase {
  step: string;
  transform: string;
  name: string;
  input: string;
  inputPath: string;
  outputPath: string;
  findingsPath: string;
}

export function snapshotCases(): SnapshotCase[] {
  const out: SnapshotCase[] = [];
  if (!fs.existsSync(SNAPSHOTS_ROOT)) return out;
  for (const step of fs.readdirSync(SNAPSHOTS_ROOT).sort()) {
    const stepDir = path.join(SNAPSHOTS_ROOT, step);
    if (!fs.statSync(stepDir).isDirectory()) continue;
    for (const name of fs.readdirSync(stepDir).sort()) {
      const dir = path.join(stepDir, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).sort()) {
        if (!f.endsWith(".input.py")) continue;
        const base = path.join(dir, f.slice(0, -".input.py".length));
        out.push({
          step,
          transform: `${step}/${name}`,
          name: f.slice(0, -".input.py".length),
          input: fs.readFileSync(base + ".input.py", "utf8"),
          inputPath: base + ".input.py",
          outputPath: base + ".output.py",
          findingsPath: base + ".findings.txt",
        });
      }
    }
  }
  return out;
}

