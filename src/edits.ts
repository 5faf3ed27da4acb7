// The edits of one pass over one file. Text offsets are JavaScript string indices (what
// tree-sitter's node binding reports). Overlapping edits are never merged: an edit that
// overlaps one of another transform is deferred to the next pass of the fixed-point loop
// (it is recomputed on the new text), and one that overlaps an edit of its own transform
// is a bug in that transform. Edits are kept sorted, so adding, covering and mapping cost
// O(log n): a generated file can carry tens of thousands of edits.
import MagicString from "magic-string";
import { lowerBound } from "./search.js";

export interface Edit {
  start: number;
  end: number; // == start for an insertion
  text: string;
  transform: string;
  seq: number;
}

export class EditConflictError extends Error {
  constructor(
    readonly transform: string,
    readonly a: Edit,
    readonly b: Edit,
  ) {
    super(`transform ${transform} made overlapping edits at ${a.start}-${a.end} and ${b.start}-${b.end}`);
  }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions: both kept, in order
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

const order = (a: Edit, b: Edit) => a.start - b.start || a.end - b.end || a.seq - b.seq;

export class EditSet {
  /** Sorted by (start, end, seq). Replacements never overlap each other. */
  private readonly edits: Edit[] = [];
  /** Every edit kept by add(), in the order added (seq ascending); some may have been taken back since. */
  private readonly added: Edit[] = [];
  private readonly live = new Set<Edit>();
  private seq = 0;
  private deltas?: { at: number[]; before: number[] };
  /** Edits not made in this pass because they overlapped another transform's edit. */
  deferred = 0;

  get size(): number {
    return this.edits.length;
  }

  list(): readonly Edit[] {
    return this.edits;
  }

  sorted(): Edit[] {
    return [...this.edits];
  }

  /** Index of the first edit with start >= `start`. */
  private lowerBound(start: number): number {
    return lowerBound(this.edits, (e) => e.start < start);
  }

  /** Adds an edit; returns false when it was deferred because of another transform's edit. */
  add(start: number, end: number, text: string, transform: string): boolean {
    if (start > end) throw new Error(`invalid edit range ${start}-${end}`);
    const edit: Edit = { start, end, text, transform, seq: this.seq++ };
    const i = this.lowerBound(start);
    // Candidates: the replacement that starts before `start` (only the nearest can reach it)
    // and every edit that starts inside [start, end].
    const candidates: Edit[] = [];
    for (let j = i - 1; j >= 0; j--) {
      if (this.edits[j].start !== this.edits[j].end) {
        candidates.push(this.edits[j]);
        break;
      }
    }
    for (let j = i; j < this.edits.length && this.edits[j].start <= end; j++) candidates.push(this.edits[j]);
    for (const other of candidates) {
      if (!overlaps(edit, other)) continue;
      if (other.start === start && other.end === end && other.text === text) return true; // the same edit twice
      if (other.transform === transform) throw new EditConflictError(transform, other, edit);
      this.deferred++;
      return false;
    }
    // Insert keeping (start, end, seq) order.
    let k = i;
    while (k < this.edits.length && order(this.edits[k], edit) < 0) k++;
    this.edits.splice(k, 0, edit);
    this.added.push(edit);
    this.live.add(edit);
    this.deltas = undefined;
    return true;
  }

  /** The edit most recently added (by `add`), if it was kept. */
  lastAdded(): Edit | undefined {
    for (let i = this.added.length - 1; i >= 0; i--) if (this.live.has(this.added[i])) return this.added[i];
    return undefined;
  }

  /** The edits added since `mark` (see mark()) that this set still holds, in the order added. */
  addedSince(mark: number): Edit[] {
    return this.added.slice(lowerBound(this.added, (e) => e.seq < mark)).filter((e) => this.live.has(e));
  }

  /** Changes the text of an insertion this set holds (e.g. to group import lines). */
  retext(edit: Edit, text: string): void {
    if (edit.start !== edit.end || !this.live.has(edit)) throw new Error("retext: not an insertion of this set");
    edit.text = text;
    this.deltas = undefined;
  }

  /** Takes back edits this set holds (to redo them together with a later one). */
  drop(edits: readonly Edit[]): void {
    const gone = new Set(edits);
    for (const e of gone) this.live.delete(e);
    const kept = this.edits.filter((e) => !gone.has(e));
    this.edits.length = 0;
    for (const e of kept) this.edits.push(e); // not push(...kept): a huge file has more edits than a call has arguments
    this.deltas = undefined;
  }

  /** A point to roll back to (used to hold back the edits of unsafe transforms). */
  mark(): number {
    return this.seq;
  }

  /** Removes the edits added since `mark`; returns them. */
  rollback(mark: number): Edit[] {
    const removed = this.edits.filter((e) => e.seq >= mark);
    for (const e of removed) this.live.delete(e);
    if (removed.length) {
      const kept = this.edits.filter((e) => e.seq < mark);
      this.edits.length = 0;
      for (const e of kept) this.edits.push(e);
      this.deltas = undefined;
    }
    return removed;
  }

  /** True when [start, end) is inside (or equal to) a span this pass already replaces. */
  covers(start: number, end: number): boolean {
    // The nearest replacement starting at or before `start` is the only one that can cover it.
    for (let j = this.lowerBound(start + 1) - 1; j >= 0; j--) {
      const e = this.edits[j];
      if (e.start === e.end) continue;
      return e.start <= start && end <= e.end;
    }
    return false;
  }

  /** True when an edit of this pass changes text inside [start, end) (or replaces it). */
  touches(start: number, end: number): boolean {
    const probe = { start, end };
    for (let j = Math.max(0, this.lowerBound(start) - 1); j < this.edits.length && this.edits[j].start <= end; j++) {
      const e = this.edits[j];
      if (e.start === e.end ? start < e.start && e.start < end : overlaps(e, probe)) return true;
    }
    // A replacement that starts further back may still reach into [start, end).
    for (let j = this.lowerBound(start) - 1; j >= 0; j--) {
      const e = this.edits[j];
      if (e.start === e.end) continue;
      return e.end > start;
    }
    return false;
  }

  /**
   * The edits as disjoint changes of the text (old coordinates, sorted): edits that touch
   * (an insertion at the edge of a replacement, replacements end to start) are one change.
   */
  changes(): { start: number; oldEnd: number; newLength: number }[] {
    const out: { start: number; oldEnd: number; newLength: number }[] = [];
    for (const e of this.edits) {
      const last = out[out.length - 1];
      if (last && e.start <= last.oldEnd) {
        last.newLength += e.text.length;
        last.oldEnd = Math.max(last.oldEnd, e.end);
      } else out.push({ start: e.start, oldEnd: e.end, newLength: e.text.length });
    }
    return out;
  }

  apply(text: string): string {
    const ms = new MagicString(text);
    for (const e of this.edits) {
      if (e.start === e.end) ms.appendLeft(e.start, e.text);
      else if (e.text === "") ms.remove(e.start, e.end);
      else ms.overwrite(e.start, e.end, e.text);
    }
    return ms.toString();
  }

  /**
   * Maps an offset of the old text to the new text. An offset inside a replaced span keeps
   * its distance from the span start, clamped to the replacement, so a finding on an edited
   * node stays on that node.
   */
  mapOffset(offset: number): number {
    if (!this.deltas) {
      const at: number[] = [];
      const before: number[] = [];
      let d = 0;
      for (const e of this.edits) {
        at.push(e.start);
        before.push(d);
        d += e.text.length - (e.end - e.start);
      }
      at.push(Infinity);
      before.push(d);
      this.deltas = { at, before };
    }
    // The last edit with start <= offset.
    const j = this.lowerBound(offset + 1) - 1;
    if (j < 0) return offset;
    const e = this.edits[j];
    const delta = this.deltas.before[j];
    if (e.start === e.end || e.end <= offset) return offset + delta + e.text.length - (e.end - e.start);
    if (e.start === offset) return offset + delta;
    return e.start + delta + Math.min(offset - e.start, e.text.length);
  }
}
