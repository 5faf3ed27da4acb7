// Every snapshot input and output is real Python: CPython's own parser accepts it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");

function pythonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...pythonFiles(p));
    else if (ent.name.endsWith(".py")) out.push(p);
  }
  return out;
}

it("python3 parses every snapshot, example and test fixture file", () => {
  const fixtures = path.join(ROOT, "test", "fixtures");
  const files = [
    ...pythonFiles(path.join(ROOT, "snapshots")),
    ...pythonFiles(path.join(ROOT, "examples")),
    ...(fs.existsSync(fixtures) ? pythonFiles(fixtures) : []),
  ];
  expect(files.length).toBeGreaterThan(0);
  const script = [
    "import ast, sys",
    "bad = []",
    "for p in sys.stdin.read().splitlines():",
    "    try:",
    "        ast.parse(open(p, 'rb').read(), p)",
    "    except SyntaxError as e:",
    "        bad.append(f'{p}:{e.lineno}: {e.msg}')",
    "print('\\n'.join(bad))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script], { input: files.join("\n"), encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout.trim()).toBe("");
});
