// Every snapshot input and output is real Python: CPython's own parser accepts it.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { pythonSyntaxErrors } from "../scripts/python-ast.mjs";

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
  expect(pythonSyntaxErrors(files)).toEqual([]);
});
