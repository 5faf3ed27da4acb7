// The edits of one pass over one file. Text offsets are JavaScript string indices (what
// tree-sitter's node binding reports). Overlapping edits are never merged: an edit that
// overlaps one of another transform is deferred to the next pass of the fixed-point loop
// (it is recomputed on the new text), and one that overlaps an edit of its own transform
// is a bug in that transform.
import MagicString from "magic-string";

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
    super(
      `transform ${transform} made overlapping edits at ${a.start}-${a.end} and ${b.start}-${b.end}`,
    );
  }
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return false; // two insertions: both kept, in order
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

export class EditSet {
  private readonly edits: Edit[] = [];
  private seq = 0;
  /** Edits not made in this pass because they overlapped another transform's edit. */
  deferred = 0;

  get size(): number {
    return this.edits.length;
  }

  list(): readonly Edit[] {
    return this.edits;
  }

  /** Adds an edit; returns false when it was deferred because of another transform's edit. */
  add(start: number, end: number, text: string, transform: string): boolean {
    if (start > end) throw new Error(`invalid edit range ${start}-${end}`);
    const edit: Edit = { start, end, text, transform, seq: this.seq++ };
    for (const other of this.edits) {
      if (!overlaps(edit, other)) continue;
      if (other.start === start && other.end === end && other.text === text) return true; // same edit twice
      if (other.transform === transform) throw new EditConflictError(transform, other, edit);
      this.deferred++;
      return false;
    }
    this.edits.push(edit);
    return true;
  }

  /** A point to roll back to (used to hold back the edits of unsafe transforms). */
  mark(): number {
    return this.edits.length;
  }

  rollback(mark: number): Edit[] {
    return this.edits.splice(mark);
  }

  /** True when [start, end) is inside (or equal to) a span this pass already replaces. */
  covers(start: number, end: number): boolean {
    return this.edits.some((e) => e.start < e.end && e.start <= start && end <= e.end);
  }

  sorted(): Edit[] {
    return [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
  }

  apply(text: string): string {
    const ms = new MagicString(text);
    for (const e of this.sorted()) {
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
    let delta = 0;
    for (const e of this.sorted()) {
      if (e.start === e.end) {
        if (e.start <= offset) delta += e.text.length;
        continue;
      }
      if (e.end <= offset) delta += e.text.length - (e.end - e.start);
      else if (e.start < offset) return e.start + delta + Math.min(offset - e.start, e.text.length);
      else break;
    }
    return offset + delta;
  }
}
