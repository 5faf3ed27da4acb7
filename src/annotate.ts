// --annotate: a `# mitm-codemod: ID message` comment above each statement that needs manual
// work. Re-running never duplicates a comment; comments whose finding is gone are reported
// as "annotation left", so --check fails until they are removed.
import { EditSet } from "./edits.js";
import { lineStartAt } from "./lines.js";
import type { Node, Tree } from "./parser.js";
import type { Finding, Layout } from "./source.js";

export const ANNOTATION_PREFIX = "# mitm-codemod:";

function annotationText(f: Finding): string {
  return `${ANNOTATION_PREFIX} ${f.id} ${f.message}`.replace(/[\r\n]+/g, " ");
}

/** The statement containing `offset` that starts its own line (a comment above it is valid Python). */
function statementAt(tree: Tree, text: string, offset: number): Node {
  let n: Node | null = tree.rootNode.descendantForIndex(offset, offset);
  for (; n && n.type !== "module"; n = n.parent) {
    const p = n.parent;
    if (!p || (p.type !== "block" && p.type !== "module")) continue;
    const lineStart = lineStartAt(text, n.startIndex);
    if (/^[ \t\f]*$/.test(text.slice(lineStart, n.startIndex))) return n;
  }
  return tree.rootNode;
}

/** Existing annotation comments directly above `lineStart` (contiguous comment lines). */
function annotationsAbove(text: string, lineStart: number): Set<string> {
  const found = new Set<string>();
  let end = lineStart;
  while (end > 0) {
    const prevStart = lineStartAt(text, end - 1);
    const line = text.slice(prevStart, end).replace(/\r?\n$/, "").trim();
    if (!line.startsWith("#")) break;
    if (line.startsWith(ANNOTATION_PREFIX)) found.add(line);
    end = prevStart;
  }
  return found;
}

export interface AnnotateResult {
  text: string;
  edits: EditSet;
}

/** Inserts the missing annotation comments for `warnings` (offsets in `text`). */
export function annotate(text: string, tree: Tree, layout: Layout, warnings: Finding[]): AnnotateResult {
  const edits = new EditSet();
  const planned = new Map<number, Set<string>>();
  for (const f of warnings) {
    const stmt = statementAt(tree, text, f.start);
    const lineStart = lineStartAt(text, stmt.startIndex);
    const indent = /^[ \t\f]*/.exec(text.slice(lineStart, stmt.startIndex))![0];
    const line = annotationText(f);
    let seen = planned.get(lineStart);
    if (!seen) planned.set(lineStart, (seen = annotationsAbove(text, lineStart)));
    if (seen.has(line)) continue;
    seen.add(line);
    edits.add(lineStart, lineStart, indent + line + layout.newline, "annotate");
  }
  return { text: edits.size ? edits.apply(text) : text, edits };
}

/**
 * Annotation comments in `text` that no current finding explains: the place was fixed (or
 * the comment copied); `--check` keeps failing until the comment is removed.
 */
export function leftoverAnnotations(text: string, tree: Tree, warnings: Finding[]): { start: number; end: number; id: string; message: string }[] {
  if (!text.includes(ANNOTATION_PREFIX)) return [];
  const expected = new Set<string>();
  for (const f of warnings) {
    const stmt = statementAt(tree, text, f.start);
    const lineStart = lineStartAt(text, stmt.startIndex);
    expected.add(`${lineStart}\0${annotationText(f)}`);
  }
  const out: { start: number; end: number; id: string; message: string }[] = [];
  for (const c of tree.rootNode.descendantsOfType("comment")) {
    const t = c.text.trim();
    if (!t.startsWith(ANNOTATION_PREFIX)) continue;
    // Which statement does it annotate? The first line after the comment block.
    let next = text.indexOf("\n", c.endIndex);
    while (next !== -1) {
      const lineEnd = text.indexOf("\n", next + 1);
      const line = text.slice(next + 1, lineEnd === -1 ? text.length : lineEnd).trim();
      if (!line.startsWith("#")) break;
      next = lineEnd;
    }
    const target = next === -1 ? text.length : next + 1;
    if (expected.has(`${target}\0${t}`)) continue;
    const m = /^# mitm-codemod:\s*(\S+)\s*(.*)$/.exec(t);
    out.push({ start: c.startIndex, end: c.endIndex, id: m?.[1] ?? "mitm-codemod", message: m?.[2] ?? "" });
  }
  return out;
}
