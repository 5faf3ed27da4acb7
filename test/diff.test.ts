// The diff of a file is made from the spans the passes changed (src/diff.ts, with the spans
// from src/change-map.ts). These tests check the change map against texts changed by random
// passes, that the diff is a patch that turns the old text into the new one, and that for the
// tool's own output it is as short as jsdiff's diff of the whole file (without spans, jsdiff's
// byte for byte).
import { describe, expect, it } from "vitest";
import { applyPatch, structuredPatch } from "diff";
import { ChangeMap } from "../src/change-map.js";
import { unifiedDiff } from "../src/diff.js";
import type { TextChange } from "../src/tree.js";
import { snapshotCases } from "./snapshot-cases.js";
import { prng, randomChanges, registry, stepOf } from "./helpers.js";
import { processSource } from "../src/process.js";

const SNIPPETS = ["", "x", "logging", "\n", "\n    y = 1\n", "ctx.log", "# note\n", "\r\n", "é🎉", "pass\n\n"];

/** `passes` passes of up to `most` random changes each over `input`: the change map and the final text. */
function randomPasses(input: string, rnd: () => number, passes: number, most: number, each?: (map: ChangeMap, text: string) => void) {
  const map = new ChangeMap();
  let text = input;
  for (let pass = 0; pass < passes; pass++) {
    const next = randomChanges(text, rnd, 1 + Math.floor(rnd() * most), SNIPPETS, 40);
    map.apply(next.changes);
    text = next.text;
    each?.(map, text);
  }
  return { map, text };
}

/** The old text with every region's span replaced by the new text's: must give the new text. */
function rebuilt(before: string, after: string, map: ChangeMap): string {
  let out = "";
  let pos = 0;
  for (const r of map.regions) {
    out += before.slice(pos, r.inStart) + after.slice(r.outStart, r.outEnd);
    pos = r.inEnd;
  }
  return out + before.slice(pos);
}

function wholeDiff(display: string, before: string, after: string): string {
  const patch = structuredPatch(`a/${display}`, `b/${display}`, before, after, "", "", { context: 3 });
  const out = [`diff --git a/${display} b/${display}`, `--- a/${display}`, `+++ b/${display}`];
  const range = (start: number, lines: number) => (lines === 0 ? `${start},0` : lines === 1 ? `${start}` : `${start},${lines}`);
  for (const h of patch.hunks) {
    out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
    out.push(...h.lines);
  }
  return out.join("\n") + "\n";
}

/** How many lines a diff removes and adds. */
function changedLines(diff: string): { removed: number; added: number } {
  const body = diff.split("\n").slice(3);
  return { removed: body.filter((l) => l.startsWith("-")).length, added: body.filter((l) => l.startsWith("+")).length };
}

const inputs = snapshotCases().map((c) => [`${c.transform}/${c.name}`, c.input] as const);
// A long file with changes far apart: the diff is cut into many pieces.
const long = Array.from({ length: 400 }, (_, i) => `def f${i}(flow):\n    ctx.log.info("call ${i}")\n    return ${i}\n`).join("\n");

describe("ChangeMap", () => {
  it.each([...inputs, ["long file", long] as const])("maps the changes of several passes back to the original text: %s", (name, input) => {
    const rnd = prng(name.length * 31 + input.length);
    const { map } = randomPasses(input, rnd, 4, 6, (m, text) => expect(rebuilt(input, text, m)).toBe(text));
    // Sorted and disjoint on both sides.
    const rs = map.regions;
    for (let i = 1; i < rs.length; i++) {
      expect(rs[i].inStart).toBeGreaterThanOrEqual(rs[i - 1].inEnd);
      expect(rs[i].outStart).toBeGreaterThanOrEqual(rs[i - 1].outEnd);
    }
  });
});

describe("the diff made from the changed spans", () => {
  // Random edits make repeated lines (blank ones above all), which jsdiff's whole-file alignment
  // may pair otherwise than the changed spans say: the diff must still be a patch that applies.
  it.each([...inputs, ["long file", long] as const])("turns the old text into the new one after random passes: %s", (name, input) => {
    const rnd = prng(name.length * 17 + input.length);
    const { map, text } = randomPasses(input, rnd, 3, 8);
    const diff = unifiedDiff("t.py", input, text, map.regions);
    expect(applyPatch(input, diff.split("\n").slice(1).join("\n"))).toBe(text);
  });

  it.each(snapshotCases().map((c) => [`${c.transform}/${c.name}`, c] as const))("is a shortest diff of the whole file for the tool's own output: %s", (_name, c) => {
    const steps = [stepOf(c.transform)];
    const r = processSource("t.py", Buffer.from(c.input), { registry, steps, selected: () => true, unsafeFixes: true, wantDiff: true });
    if (!r.output) return; // a no-change case
    const input = c.input.replace(/^\ufeff/, "");
    const output = r.output.toString("utf8").replace(/^\ufeff/, "");
    const diff = r.diff!.toString("utf8");
    expect(applyPatch(input, diff.split("\n").slice(1).join("\n"))).toBe(output);
    // As few removed and added lines as jsdiff's (a shortest edit script); where lines repeat
    // the two may pair other equal lines.
    expect(changedLines(diff)).toEqual(changedLines(wholeDiff("t.py", input, output)));
  });

  it("cuts a long file with scattered changes into pieces and still gives the whole diff", () => {
    const map = new ChangeMap();
    // Change line 2 of every tenth function: far enough apart for cuts.
    const changes: TextChange[] = [];
    let out = "";
    let pos = 0;
    for (let i = 0; i < 400; i += 10) {
      const at = long.indexOf(`ctx.log.info("call ${i}")`);
      out += long.slice(pos, at) + "logging";
      pos = at + "ctx.log".length;
      changes.push({ start: at, oldEnd: pos, newLength: "logging".length });
    }
    out += long.slice(pos);
    map.apply(changes);
    expect(map.regions.length).toBe(40);
    expect(unifiedDiff("t.py", long, out, map.regions)).toBe(wholeDiff("t.py", long, out));
  });
});

describe("hunks made without jsdiff (lines each in both texts or in one only)", () => {
  // Line-level edits of texts whose lines are mostly distinct, with a few repeated ones (blank
  // lines, `pass`): where every line is in both texts or in one only, src/diff.ts makes the
  // hunks itself; they must be jsdiff's, byte for byte. Where a line repeats across a change,
  // jsdiff decides, and the result must be the same too.
  const rnd = prng(20261125);
  const cases: [number, string, string][] = [];
  for (let n = 0; n < 400; n++) {
    const lines = Array.from({ length: 3 + Math.floor(rnd() * 40) }, (_, i) => (rnd() < 0.15 ? "" : rnd() < 0.05 ? "    pass" : `    line_${n}_${i}()`));
    const next: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const r = rnd();
      if (r < 0.08) continue; // removed
      if (r < 0.16) next.push(`    changed_${n}_${i}()`);
      else next.push(lines[i]);
      if (rnd() < 0.06) next.push(rnd() < 0.3 ? "" : `    added_${n}_${i}()`);
    }
    cases.push([n, lines.join("\n") + "\n", next.join("\n") + "\n"]);
  }
  it.each(cases)("case %i", (_n, before, after) => {
    expect(unifiedDiff("x.py", before, after)).toBe(wholeDiff("x.py", before, after));
  });
});
