// Git-style unified diffs (`diff --git`, `--- a/`, `+++ b/`) that `git apply` accepts.
//
// The pipeline knows which spans of the file it changed (src/change-map.ts), so the diff is
// made from them: the lines each changed span touches are compared with the lines they became,
// and every other line is the same in both texts. Only those few lines are aligned (where
// their lines repeat, by jsdiff); the hunks are then cut as jsdiff's structuredPatch cuts them.
// A jsdiff line diff of whole pieces of a file was about 4% of a dry run, most of it for files
// with repeated lines, and its optimised code was compiled again and again in every worker.
// Without the spans (a text that does not end with a line end, and callers that have none)
// the file is cut into pieces at runs of unchanged lines long enough that no hunk could span
// them, and each piece is compared on its own.
import { diffArrays, structuredPatch } from "diff";
import type { Region } from "./change-map.js";
import { countNewlines, lineOf, lineStartsOf } from "./lines.js";

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
  const hunks = regions && regions.length > 0 && before.endsWith("\n") && after.endsWith("\n") ? regionHunks(before, after, regions) : null;
  if (hunks) {
    for (const h of hunks) {
      out.push(`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`);
      for (const line of h.lines) out.push(line);
    }
    return out.join("\n") + "\n";
  }
  for (const cut of regions ? cuts(before, regions) : []) piece(cut.old, cut.new);
  piece(before.length, after.length);
  return out.join("\n") + "\n";
}

/**
 * The hunks of two texts (both ending with a line end) from the spans that changed: the lines
 * that each group of spans touches (spans on the same or adjacent lines form one group), old against new,
 * and the same lines in both texts between the groups. Null when the spans do not fit the texts.
 */
function regionHunks(before: string, after: string, regions: readonly Region[]): Hunk[] | null {
  const A = before.slice(0, -1).split("\n");
  const B = after.slice(0, -1).split("\n");
  const aStarts = lineStartsOf(before);
  const bStarts = lineStartsOf(after);
  // The line of an offset; an offset at the very end (after the last line end) is in the last line.
  const aLine = (offset: number) => Math.min(lineOf(aStarts, offset), A.length - 1);
  const bLine = (offset: number) => Math.min(lineOf(bStarts, offset), B.length - 1);
  const blocks = new Blocks();
  let a = 0;
  let b = 0;
  for (let k = 0; k < regions.length; ) {
    const first = regions[k];
    const oldFrom = aLine(first.inStart);
    const newFrom = bLine(first.outStart);
    let oldTo = aLine(first.inEnd);
    let newTo = bLine(first.outEnd);
    // Spans on the same or the next line form one group: a run of changed lines is shown as
    // all its removed lines, then all its added ones (as jsdiff shows it).
    for (k++; k < regions.length && (aLine(regions[k].inStart) <= oldTo + 1 || bLine(regions[k].outStart) <= newTo + 1); k++) {
      oldTo = Math.max(oldTo, aLine(regions[k].inEnd));
      newTo = Math.max(newTo, bLine(regions[k].outEnd));
    }
    // The lines before the group are the same in both texts.
    if (oldFrom - a !== newFrom - b || oldFrom < a) return null;
    for (; a < oldFrom; a++, b++) blocks.push(" ", A[a]);
    alignLines(A.slice(oldFrom, oldTo + 1), B.slice(newFrom, newTo + 1), blocks);
    a = oldTo + 1;
    b = newTo + 1;
  }
  if (A.length - a !== B.length - b) return null;
  for (; a < A.length; a++) blocks.push(" ", A[a]);
  return hunksOf(blocks.list);
}

/**
 * Old lines against new lines, as blocks: the lines both start and end with are the same, the
 * rest is aligned where each line is in both or in one only, and by jsdiff where lines repeat.
 */
function alignLines(A: readonly string[], B: readonly string[], blocks: Blocks): void {
  let head = 0;
  while (head < A.length && head < B.length && A[head] === B[head]) blocks.push(" ", A[head++]);
  let tail = 0;
  while (tail < A.length - head && tail < B.length - head && A[A.length - 1 - tail] === B[B.length - 1 - tail]) tail++;
  const innerA = A.slice(head, A.length - tail);
  const innerB = B.slice(head, B.length - tail);
  if (!alignUnique(innerA, innerB, blocks)) {
    for (const part of diffArrays(innerA, innerB)) {
      const kind = part.added ? "+" : part.removed ? "-" : " ";
      for (const line of part.value) blocks.push(kind, line);
    }
  }
  for (let k = A.length - tail; k < A.length; k++) blocks.push(" ", A[k]);
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

/** Lines in runs of one kind: the same in both texts, removed, or added. */
class Blocks {
  readonly list: { kind: " " | "-" | "+"; lines: string[] }[] = [];

  push(kind: " " | "-" | "+", line: string): void {
    const last = this.list[this.list.length - 1];
    if (last && last.kind === kind) last.lines.push(line);
    else this.list.push({ kind, lines: [line] });
  }
}

/**
 * The hunks of a piece made without jsdiff (whose diff of each piece was about 6% of a dry run),
 * when they can only be the hunks jsdiff makes: whole lines, each line either in both texts (the
 * same lines in the same order) or in one of them only. Otherwise null, and jsdiff decides.
 */
function uniqueLineHunks(a: string, b: string): Hunk[] | null {
  if (!a.endsWith("\n") || !b.endsWith("\n")) return null;
  const blocks = new Blocks();
  return alignUnique(a.slice(0, -1).split("\n"), b.slice(0, -1).split("\n"), blocks) ? hunksOf(blocks.list) : null;
}

/**
 * Aligns old and new lines when each line is either in both (the same lines in the same order)
 * or in one of them only: then the longest common subsequence is the lines in both, in their
 * places, and each run between them is its removed lines, then its added lines. False, with
 * `blocks` as it was, when a line is in both in another order.
 */
function alignUnique(A: readonly string[], B: readonly string[], blocks: Blocks): boolean {
  const inA = new Set(A);
  const inB = new Set(B);
  const mark = blocks.list.length;
  const lastLines = mark > 0 ? blocks.list[mark - 1].lines.length : 0;
  let i = 0;
  let j = 0;
  while (i < A.length || j < B.length) {
    if (i < A.length && j < B.length && A[i] === B[j]) {
      blocks.push(" ", A[i++]);
      j++;
      continue;
    }
    const from = i + j;
    while (i < A.length && !inB.has(A[i])) blocks.push("-", A[i++]);
    while (j < B.length && !inA.has(B[j])) blocks.push("+", B[j++]);
    if (i + j === from) {
      // Lines in both, in another order: undo what was pushed.
      blocks.list.length = mark;
      if (mark > 0) blocks.list[mark - 1].lines.length = lastLines;
      return false;
    }
  }
  return true;
}

/** structuredPatch's hunks (diff/libesm/patch/create.js), from blocks of lines. */
function hunksOf(blocks: readonly { kind: " " | "-" | "+"; lines: string[] }[]): Hunk[] {
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
