// Git-style unified diffs (`diff --git`, `--- a/`, `+++ b/`) that `git apply` accepts.
//
// jsdiff's line diff costs time in proportion to the file's length times the number of changed
// lines: a big file with thousands of edits took seconds. When the changed spans are known
// (src/change-map.ts), the file is cut at lines that no change touches, in runs of unchanged
// lines long enough that no hunk could span them, and each piece is compared on its own.
import { structuredPatch } from "diff";
import type { Region } from "./change-map.js";
import { countNewlines, lineStartsOf } from "./lines.js";

const CONTEXT = 3;
/** Whole unchanged lines a cut needs around it: more than twice the context, so no hunk spans it. */
const CUT_LINES = 2 * CONTEXT + 2;

export function unifiedDiff(display: string, before: string, after: string, regions?: readonly Region[]): string {
  const out: string[] = [`diff --git a/${display} b/${display}`, `--- a/${display}`, `+++ b/${display}`];
  let oldPos = 0;
  let newPos = 0;
  let oldLine = 0;
  let newLine = 0;
  const piece = (oldEnd: number, newEnd: number) => {
    const a = before.slice(oldPos, oldEnd);
    const b = after.slice(newPos, newEnd);
    if (a !== b) {
      for (const h of uniqueLineHunks(a, b) ?? structuredPatch("a", "b", a, b, "", "", { context: CONTEXT }).hunks) {
        out.push(`@@ -${range(h.oldStart + oldLine, h.oldLines)} +${range(h.newStart + newLine, h.newLines)} @@`);
        for (const line of h.lines) out.push(line);
      }
    }
    oldLine += countNewlines(a);
    newLine += countNewlines(b);
    oldPos = oldEnd;
    newPos = newEnd;
  };
  for (const cut of regions ? cuts(before, regions) : []) piece(cut.old, cut.new);
  piece(before.length, after.length);
  return out.join("\n") + "\n";
}

/**
 * Where the texts can be cut: line starts in the middle of runs of at least CUT_LINES whole
 * lines between two changed spans (old offset, and the same place in the new text).
 */
function cuts(before: string, regions: readonly Region[]): { old: number; new: number }[] {
  const starts = lineStartsOf(before);
  const found: { old: number; new: number }[] = [];
  let line = 0; // index into starts
  for (let k = 0; k <= regions.length; k++) {
    // The unchanged gap before region k (or after the last one): [gapStart, gapEnd) of `before`.
    const gapStart = k === 0 ? 0 : regions[k - 1].inEnd;
    const gapEnd = k < regions.length ? regions[k].inStart : before.length;
    const shift = k === 0 ? 0 : regions[k - 1].outEnd - regions[k - 1].inEnd;
    // Whole lines inside the gap: they start after its start (the line the previous change ends
    // in is changed) and end, newline included, before its end.
    while (line < starts.length && (starts[line] < gapStart || (k > 0 && starts[line] === gapStart))) line++;
    let last = line;
    while (last + 1 < starts.length && starts[last + 1] <= gapEnd) last++;
    // Lines line .. last-1 are whole (each ends at the next line start, within the gap).
    const whole = last - line;
    if (k < regions.length && whole >= CUT_LINES) {
      const at = starts[line + CUT_LINES / 2];
      found.push({ old: at, new: at + shift });
    }
    line = last;
  }
  return found;
}

interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

/**
 * The hunks of a piece made without jsdiff (whose diff of each piece was about 6% of a dry run),
 * when they can only be the hunks jsdiff makes: whole lines, each line either in both texts (the
 * same lines in the same order) or in one of them only. Then the longest common subsequence is
 * the lines in both, in their places, and each block between them is its removed lines, then
 * its added lines; the hunks are cut from those blocks as jsdiff's structuredPatch cuts them.
 * Otherwise null, and jsdiff decides.
 */
function uniqueLineHunks(a: string, b: string): Hunk[] | null {
  if (!a.endsWith("\n") || !b.endsWith("\n")) return null;
  const A = a.slice(0, -1).split("\n");
  const B = b.slice(0, -1).split("\n");
  const inA = new Set(A);
  const inB = new Set(B);
  const blocks: { kind: " " | "-" | "+"; lines: string[] }[] = [];
  const push = (kind: " " | "-" | "+", line: string) => {
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind) last.lines.push(line);
    else blocks.push({ kind, lines: [line] });
  };
  let i = 0;
  let j = 0;
  while (i < A.length || j < B.length) {
    if (i < A.length && j < B.length && A[i] === B[j]) {
      push(" ", A[i++]);
      j++;
      continue;
    }
    const from = i + j;
    while (i < A.length && !inB.has(A[i])) push("-", A[i++]);
    while (j < B.length && !inA.has(B[j])) push("+", B[j++]);
    if (i + j === from) return null; // lines in both, in another order
  }
  // structuredPatch's hunks (diff/libesm/patch/create.js), from the same blocks.
  const hunks: Hunk[] = [];
  let oldStart = 0;
  let newStart = 0;
  let lines: string[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (let k = 0; k <= blocks.length; k++) {
    const block = blocks[k] ?? { kind: " ", lines: [] };
    if (block.kind !== " ") {
      if (!oldStart) {
        oldStart = oldLine;
        newStart = newLine;
        const prev = blocks[k - 1];
        if (prev) {
          lines = prev.lines.slice(-CONTEXT).map((l) => " " + l);
          oldStart -= lines.length;
          newStart -= lines.length;
        }
      }
      for (const l of block.lines) lines.push(block.kind + l);
      if (block.kind === "+") newLine += block.lines.length;
      else oldLine += block.lines.length;
      continue;
    }
    if (oldStart) {
      if (block.lines.length <= CONTEXT * 2 && k < blocks.length - 1) {
        for (const l of block.lines) lines.push(" " + l);
      } else {
        const size = Math.min(block.lines.length, CONTEXT);
        for (const l of block.lines.slice(0, size)) lines.push(" " + l);
        hunks.push({ oldStart, oldLines: oldLine - oldStart + size, newStart, newLines: newLine - newStart + size, lines });
        oldStart = 0;
        newStart = 0;
        lines = [];
      }
    }
    oldLine += block.lines.length;
    newLine += block.lines.length;
  }
  return hunks;
}

function range(start: number, lines: number): string {
  if (lines === 0) return `${start},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}
