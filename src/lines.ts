// Line arithmetic on JavaScript strings: where lines start, and which line holds an offset.
import { lowerBound } from "./search.js";

/** The offset where each line starts (the first is 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line that holds `offset` (a binary search of `lineStarts`). */
export function lineOf(lineStarts: readonly number[], offset: number): number {
  return Math.max(0, lowerBound(lineStarts, (start) => start <= offset) - 1);
}

/** The offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** How many "\n" the text holds. */
export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
