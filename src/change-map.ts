// Which spans of the original text the passes changed, and where those spans are now. Every
// pass replaces disjoint spans of the current text; outside the changed spans the current text
// is the original text moved by the length differences before it. The diff is made from these
// spans: only the lines they touch are compared (src/diff.ts).
import type { TextChange } from "./tree.js";

/** A changed span: [inStart, inEnd) of the original text is [outStart, outEnd) of the current one. */
export interface Region {
  inStart: number;
  inEnd: number;
  outStart: number;
  outEnd: number;
}

export class ChangeMap {
  /** Sorted and disjoint (they may touch). */
  private list: Region[];

  /** `regions`: changes already made (e.g. by the pipeline), to go on from. */
  constructor(regions: readonly Region[] = []) {
    this.list = [...regions];
  }

  get regions(): readonly Region[] {
    return this.list;
  }

  /** Records one pass: `changes` of the current text (sorted, disjoint, current coordinates). */
  apply(changes: readonly TextChange[]): void {
    if (changes.length === 0) return;
    const out: Region[] = [];
    let r = 0; // next region
    let c = 0; // next change
    let regionDelta = 0; // length difference (current - original) of the regions before
    let changeDelta = 0; // length difference (new - current) of the changes before
    const regions = this.list;
    while (r < regions.length || c < changes.length) {
      // A cluster: the next element and everything that overlaps or touches it, in current coordinates.
      const nextIsRegion = c >= changes.length || (r < regions.length && regions[r].outStart <= changes[c].start);
      if (nextIsRegion && (c >= changes.length || regions[r].outEnd < changes[c].start)) {
        // A region no change touches: it only moves.
        const g = regions[r++];
        out.push({ inStart: g.inStart, inEnd: g.inEnd, outStart: g.outStart + changeDelta, outEnd: g.outEnd + changeDelta });
        regionDelta += g.outEnd - g.outStart - (g.inEnd - g.inStart);
        continue;
      }
      const start = nextIsRegion ? regions[r].outStart : changes[c].start;
      // Outside the regions' insides, original offset = current offset - regionDelta of the regions before.
      const inStart = start - regionDelta;
      const deltaBefore = changeDelta;
      let end = start;
      for (;;) {
        if (r < regions.length && regions[r].outStart <= end) {
          const g = regions[r++];
          end = Math.max(end, g.outEnd);
          regionDelta += g.outEnd - g.outStart - (g.inEnd - g.inStart);
          continue;
        }
        if (c < changes.length && changes[c].start <= end) {
          const ch = changes[c++];
          end = Math.max(end, ch.oldEnd);
          changeDelta += ch.newLength - (ch.oldEnd - ch.start);
          continue;
        }
        break;
      }
      out.push({ inStart, inEnd: end - regionDelta, outStart: start + deltaBefore, outEnd: end + changeDelta });
    }
    this.list = out;
  }
}
