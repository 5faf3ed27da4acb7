// Chained runs are exact: migrating 6 → 9 in one run gives the same file as 6 → 7 followed by
// 7 → 9 (or 6 → 8 then 8 → 9), and 6 → 11 the same as 6 → 9 then 9 → 11. Transforms must not
// depend on the target version, and each step must reach its own fixed point.
//
// Inputs: every snapshot input of the steps 7, 8, 9, 9.1 and 11, listed when the test runs (other
// steps' cases are added in parallel). Each chain is checked with unsafe fixes off (the CLI
// default) and on.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, outputText } from "./helpers.js";

const ROOT = path.resolve(__dirname, "../snapshots");
const STEPS = ["v7", "v8", "v9", "v9.1", "v11"];

function inputs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const step of STEPS) {
    const dir = path.join(ROOT, step);
    if (!fs.existsSync(dir)) continue;
    for (const transform of fs.readdirSync(dir).sort()) {
      const tdir = path.join(dir, transform);
      if (!fs.statSync(tdir).isDirectory()) continue;
      for (const f of fs.readdirSync(tdir).sort()) {
        if (f.endsWith(".input.py")) out.push({ name: `${step}/${transform}/${f}`, text: fs.readFileSync(path.join(tdir, f), "utf8") });
      }
    }
  }
  return out;
}

/** [from, to] of the single run, and the version where the chained run splits it. */
const CHAINS: [string, string, string][] = [
  ["6", "9", "7"],
  ["6", "9", "8"],
  ["6", "11", "9"],
];

function run(text: string, from: string, to: string, unsafeFixes: boolean): string {
  const r = migrate(text, { from, to, unsafeFixes });
  expect(r.error, `${from} → ${to}: ${r.error?.reason}`).toBeUndefined();
  return outputText(r, text);
}

const cases = inputs();

describe("chained runs equal a single run", () => {
  it("has inputs", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const unsafeFixes of [false, true]) {
    for (const [from, to, mid] of CHAINS) {
      describe(`${from} → ${to} = ${from} → ${mid} → ${to}${unsafeFixes ? " (--unsafe-fixes)" : ""}`, () => {
        for (const c of cases) {
          it(c.name, () => {
            const once = run(c.text, from, to, unsafeFixes);
            const twice = run(run(c.text, from, mid, unsafeFixes), mid, to, unsafeFixes);
            expect(twice).toBe(once);
          });
        }
      });
    }
  }
});
