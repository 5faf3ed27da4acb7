// SourceFile: one Python file during one pass of one step: its text and tree, the edits the
// transforms ask for, and the findings they report. Transforms never build the whole file
// as a string; they ask for small edits on nodes.
import { EditSet } from "./edits.js";
import type { Node, Tree } from "./parser.js";
import { lineOf, lineStartAt, lineStartsOf } from "./lines.js";
import { lowerBound } from "./search.js";
import { ImportTable } from "./imports.js";
import { Scopes } from "./scope.js";
import { AddonModel, type AddonKnowledge } from "./addons.js";

export type Severity = "warning" | "info";

export interface Finding {
  /** Catalogue id, e.g. H7-06. */
  id: string;
  severity: Severity;
  message: string;
  /** Transform that reported it. */
  transform: string;
  start: number;
  end: number;
  /**
   * Ids of rows of earlier steps that this finding says again in other words (a later step
   * that re-checks a deprecated form for users who skipped the earlier step). The pipeline
   * drops it when an earlier step already reported one of these ids at an overlapping span.
   */
  restates?: readonly string[];
}

export interface ReportOptions {
  /** See Finding.restates. */
  restates?: readonly string[];
}

export interface Range {
  start: number;
  end: number;
}

type Target = Node | Range;

function rangeOf(target: Target): Range {
  if ("startIndex" in target) return { start: target.startIndex, end: target.endIndex };
  return target;
}

/** Facts about a file's layout that every pass shares. */
export interface Layout {
  /** "\r\n" or "\n": what inserted lines end with. */
  newline: string;
  /** One level of indentation as the file writes it ("    ", "\t", "  "…). */
  indentUnit: string;
}

export function detectLayout(text: string): Layout {
  const nl = text.indexOf("\n");
  const newline = nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
  // The first indented line after a line ending in ":" shows the file's indentation unit.
  const m = /:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*([ \t]+)\S/.exec(text);
  const indentUnit = m ? m[1] : "    ";
  return { newline, indentUnit };
}

/**
 * What is known about one parsed tree, whatever edits a pass asks for: node lists, scopes,
 * hooks, resolved names. A pass that changes nothing hands its facts to the next one (the
 * next step sees the same tree), so they are computed once per tree, not once per pass.
 */
export class TreeFacts {
  readonly nodes = new Map<string, Node[]>();
  scopes?: Scopes;
  addons?: AddonModel;
  /** identifier node id → what it resolves to (ImportTable.resolve). */
  readonly resolved = new Map<number, string | null>();
  /** "scope node id:name" → what the name means there (ImportTable.resolveName at depth 0). */
  readonly resolvedNames = new Map<string, string | null>();
  readonly reaching = new Map<string, Set<string>>();
  /** The same names as an array, for ImportTable.mayReach (asked per node: no Set iterator each time). */
  readonly reachingList = new Map<string, string[]>();
  moduleImports?: unknown;
  resolvable?: Set<string>;
}

export class SourceFile {
  readonly root: Node;
  readonly edits = new EditSet();
  readonly findings: Finding[] = [];
  /** Set by the pipeline to the transform that is running. */
  transform = "";
  private _imports?: ImportTable;
  private lineStarts?: number[];

  constructor(
    readonly path: string,
    readonly text: string,
    readonly tree: Tree,
    readonly layout: Layout,
    private readonly knowledge: AddonKnowledge,
    /** Decided once on the original input, so that a later step still sees an addon. */
    readonly isAddon?: boolean,
    /** Facts about `tree` from an earlier pass over the same tree, if any. */
    readonly facts: TreeFacts = new TreeFacts(),
  ) {
    this.root = tree.rootNode;
  }

  // ---- reading -------------------------------------------------------------------------

  /** All descendants of the given type(s), in document order; cached per pass. */
  nodes(types: string | readonly string[]): Node[] {
    const key = typeof types === "string" ? types : types.join(",");
    let found = this.facts.nodes.get(key);
    if (!found) {
      found = this.root.descendantsOfType(typeof types === "string" ? types : [...types]);
      this.facts.nodes.set(key, found);
    }
    return found;
  }

  /** The nodes of the given type(s) inside `outer` (itself included), in document order: a binary search of nodes(). */
  nodesWithin(types: string | readonly string[], outer: Node): Node[] {
    const all = this.nodes(types);
    const out: Node[] = [];
    for (let i = lowerBound(all, (n) => n.startIndex < outer.startIndex); i < all.length && all[i].startIndex <= outer.endIndex; i++) {
      if (all[i].endIndex <= outer.endIndex) out.push(all[i]);
    }
    return out;
  }

  get imports(): ImportTable {
    return (this._imports ??= new ImportTable(this));
  }

  get scopes(): Scopes {
    return (this.facts.scopes ??= new Scopes(this.root));
  }

  get addons(): AddonModel {
    return (this.facts.addons ??= new AddonModel(this, this.knowledge));
  }

  slice(target: Target): string {
    const r = rangeOf(target);
    return this.text.slice(r.start, r.end);
  }

  /** 1-based line and column (column counted in Unicode code points). */
  position(offset: number): { line: number; column: number } {
    if (!this.lineStarts) this.lineStarts = lineStartsOf(this.text);
    return positionIn(this.text, this.lineStarts, offset);
  }

  /** The whitespace that starts the line containing `offset`. */
  indentAt(offset: number): string {
    return /^[ \t\f]*/.exec(this.text.slice(lineStartAt(this.text, offset), offset))![0];
  }

  /** The offset where the line containing `offset` starts. */
  lineStart(offset: number): number {
    return lineStartAt(this.text, offset);
  }

  /** The offset just after the line ending of the line containing `offset` (or the end of text). */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf("\n", offset);
    return nl === -1 ? this.text.length : nl + 1;
  }

  /**
   * Code written by a transform with "\n" line ends and four-space indentation, turned into
   * the file's own newline and indentation unit, each non-empty line prefixed by `indent`.
   */
  code(source: string, indent = ""): string {
    const unit = this.layout.indentUnit;
    return source
      .split("\n")
      .map((line) => {
        if (line.trim() === "") return "";
        const lead = /^( {4})*/.exec(line)![0];
        return indent + unit.repeat(lead.length / 4) + line.slice(lead.length);
      })
      .join(this.layout.newline);
  }

  // ---- editing -------------------------------------------------------------------------

  /** Replaces a node or range. Returns false when deferred because another edit overlaps. */
  replace(target: Target, text: string, opts: { inString?: boolean } = {}): boolean {
    const r = rangeOf(target);
    if (!opts.inString) this.assertCode(r);
    return this.edits.add(r.start, r.end, this.normalizeNewlines(text), this.transform);
  }

  remove(target: Target): boolean {
    const r = rangeOf(target);
    this.assertCode(r);
    return this.edits.add(r.start, r.end, "", this.transform);
  }

  insert(offset: number, text: string): boolean {
    this.assertCode({ start: offset, end: offset });
    return this.edits.add(offset, offset, this.normalizeNewlines(text), this.transform);
  }

  /** True when an edit of this pass already changes text inside `target`. */
  touches(target: Target): boolean {
    const r = rangeOf(target);
    return this.edits.touches(r.start, r.end);
  }

  /** True when this pass already rewrites the whole of `target` (its old text is going away). */
  isEdited(target: Target): boolean {
    const r = rangeOf(target);
    return this.edits.covers(r.start, r.end);
  }

  // ---- reporting -----------------------------------------------------------------------

  /** A place that needs manual work: the tool could not prove a rewrite safe. */
  report(target: Target, id: string, message: string, opts: ReportOptions = {}): void {
    this.addFinding(target, id, message, "warning", opts);
  }

  /** A note about a rewrite that was made (e.g. something that had to be dropped). */
  note(target: Target, id: string, message: string): void {
    this.addFinding(target, id, message, "info");
  }

  private addFinding(target: Target, id: string, message: string, severity: Severity, opts: ReportOptions = {}): void {
    const r = rangeOf(target);
    const dup = this.findings.some(
      (f) => f.id === id && f.start === r.start && f.message === message && f.severity === severity,
    );
    if (dup) return;
    const finding: Finding = { id, severity, message, transform: this.transform, ...r };
    if (opts.restates?.length) finding.restates = opts.restates;
    this.findings.push(finding);
  }

  // ---- internals -----------------------------------------------------------------------

  private normalizeNewlines(text: string): string {
    return this.layout.newline === "\r\n" ? text.replace(/(?<!\r)\n/g, "\r\n") : text;
  }

  /** Edits inside string literals or comments are bugs unless a transform asks for them. */
  private assertCode(r: Range): void {
    // The smallest node around the range, and its parent and grandparent (an escape sequence
    // sits inside a string_content), are enough: strings and comments have no deeper nesting.
    let node: Node | null = this.root.descendantForIndex(r.start, Math.max(r.start, r.end - 1));
    for (let depth = 0; node && depth < 3; depth++, node = node.parent) {
      if (node.type !== "comment" && node.type !== "string_content") continue;
      const inside =
        r.start === r.end
          ? node.startIndex < r.start && r.start < node.endIndex
          : node.startIndex <= r.start && r.end <= node.endIndex;
      if (inside) throw new Error(`transform ${this.transform} tried to edit inside a ${node.type}`);
    }
  }
}

export function positionIn(
  text: string,
  lineStarts: number[],
  offset: number,
): { line: number; column: number } {
  const lo = lineOf(lineStarts, offset);
  let column = 1;
  for (let i = lineStarts[lo]; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) column++; // count a surrogate pair once
  }
  return { line: lo + 1, column };
}
