// A plain JavaScript copy of a tree-sitter syntax tree. node-tree-sitter answers every
// question about a node (type, parent, a field's child, …) with a call into native code and a
// new wrapper object; the transforms ask hundreds of such questions per file, several times
// per pass. One cursor walk right after parsing copies the tree into these objects (about 0.5 µs
// per node, nearly all of it native calls), and everything after that is ordinary property
// access. Trees are never edited: a changed text is parsed again, incrementally (tree-sitter
// reuses the unchanged parts of the old tree), and the copy of the new tree takes the copies of
// those unchanged parts from the old copy (a JavaScript clone, no native call per node).
import type Parser from "tree-sitter";
import { lowerBound } from "./search.js";

let nextId = 1;
/** The children of every leaf (most nodes): one shared, frozen empty array (memory; a push would throw). */
const NO_CHILDREN: Node[] = Object.freeze([]) as unknown as Node[];

export class Node {
  readonly id = nextId++;
  parent: Node | null = null;
  /** Position in parent.children. */
  index = 0;
  /** The field this node fills in its parent (`name`, `body`, …), if any. */
  field: string | null = null;
  children: Node[] = NO_CHILDREN;
  // Set only in trees with a syntax error; false on the prototype for the others (memory).
  declare isMissing: boolean;
  declare hasError: boolean;
  private _namedChildren?: Node[];
  private _text?: string;

  constructor(
    private readonly tree: Tree,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {
    // Nodes are made in document order: the per-type lists come out in document order.
    const list = tree.byType.get(type);
    if (list) list.push(this);
    else tree.byType.set(type, [this]);
  }

  /** A copy of this node's subtree for `tree`, `shift` characters further in its text. */
  cloneInto(tree: Tree, shift: number, parent: Node | null): Node {
    const n = new Node(tree, this.type, this.isNamed, this.startIndex + shift, this.endIndex + shift);
    n.parent = parent;
    n.index = this.index;
    n.field = this.field;
    if (this.isMissing) n.isMissing = true;
    if (this.hasError) n.hasError = true;
    this.cloneChildrenInto(n, tree, shift);
    return n;
  }

  /** Gives `target` (a fresh node at this node's place in a new tree) copies of this node's children. */
  cloneChildrenInto(target: Node, tree: Tree, shift: number): void {
    if (this.children.length > 0) target.children = this.children.map((c) => c.cloneInto(tree, shift, target));
  }

  get text(): string {
    return (this._text ??= this.tree.text.slice(this.startIndex, this.endIndex));
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildren(): Node[] {
    return (this._namedChildren ??= this.children.filter((c) => c.isNamed));
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(i: number): Node | null {
    return this.children[i] ?? null;
  }

  namedChild(i: number): Node | null {
    return this.namedChildren[i] ?? null;
  }

  get firstChild(): Node | null {
    return this.children[0] ?? null;
  }

  get lastChild(): Node | null {
    return this.children[this.children.length - 1] ?? null;
  }

  get firstNamedChild(): Node | null {
    return this.namedChildren[0] ?? null;
  }

  get lastNamedChild(): Node | null {
    const named = this.namedChildren;
    return named[named.length - 1] ?? null;
  }

  get previousSibling(): Node | null {
    return this.parent?.children[this.index - 1] ?? null;
  }

  get nextSibling(): Node | null {
    return this.parent?.children[this.index + 1] ?? null;
  }

  get previousNamedSibling(): Node | null {
    const siblings = this.parent?.children ?? [];
    for (let i = this.index - 1; i >= 0; i--) if (siblings[i].isNamed) return siblings[i];
    return null;
  }

  get nextNamedSibling(): Node | null {
    const siblings = this.parent?.children ?? [];
    for (let i = this.index + 1; i < siblings.length; i++) if (siblings[i].isNamed) return siblings[i];
    return null;
  }

  /** The first child in the field `name`, like tree-sitter's childForFieldName. */
  childForFieldName(name: string): Node | null {
    for (const c of this.children) if (c.field === name) return c;
    return null;
  }

  childrenForFieldName(name: string): Node[] {
    return this.children.filter((c) => c.field === name);
  }

  /** This node and its descendants of the given type(s), in document order (as tree-sitter's). */
  descendantsOfType(types: string | readonly string[]): Node[] {
    if (this.parent === null) return this.tree.ofTypes(typeof types === "string" ? [types] : types);
    const wanted = typeof types === "string" ? [types] : types;
    const found: Node[] = [];
    const visit = (n: Node) => {
      if (wanted.includes(n.type)) found.push(n);
      for (const c of n.children) visit(c);
    };
    visit(this);
    return found;
  }

  /**
   * The smallest node that spans [start, end] (tree-sitter's ts_node_descendant_for_byte_range,
   * with the same rules for empty nodes and ranges at a node's edge).
   */
  descendantForIndex(start: number, end = start): Node | null {
    if (start > end) return null;
    let node: Node = this;
    for (let descended = true; descended; ) {
      descended = false;
      for (const child of node.children) {
        if (child.endIndex < end) continue;
        const empty = child.startIndex === child.endIndex;
        if (empty ? child.endIndex < start : child.endIndex <= start) continue;
        if (start < child.startIndex) break;
        node = child;
        descended = true;
        break;
      }
    }
    return node;
  }

  toString(): string {
    return `(${this.type}${this.namedChildren.map((c) => " " + c.toString()).join("")})`;
  }
}

Node.prototype.isMissing = false;
Node.prototype.hasError = false;

/** A change between two texts: [start, oldEnd) of the old text became [start, start + newLength). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newLength: number;
}

export class Tree {
  /** Every node of each type, in document order (filled as the nodes are made). */
  readonly byType = new Map<string, Node[]>();
  readonly rootNode: Node;

  constructor(
    readonly text: string,
    /** Kept for the next incremental parse (see reparse in parser.ts). */
    readonly native: Parser.Tree,
    reuse?: Reuse,
  ) {
    this.rootNode = copy(this, native, reuse);
  }

  /** Every node of the given types in document order. */
  ofTypes(types: readonly string[]): Node[] {
    if (types.length === 1) return (this.byType.get(types[0]) ?? []).slice();
    // concat, not push(...list): a huge file has more nodes of a type than a call has arguments.
    const found = ([] as Node[]).concat(...[...new Set(types)].map((t) => this.byType.get(t) ?? []));
    // Ids are given in creation order, which is document order.
    return found.sort((a, b) => a.id - b.id);
  }

  /** The node of this tree with exactly this range and type, if there is one (a walk down from the root). */
  nodeAt(start: number, end: number, type: string): Node | null {
    let node = this.rootNode;
    for (;;) {
      if (node.startIndex === start && node.endIndex === end && node.type === type) {
        // A chain of same-typed nodes over one range is ambiguous: not used.
        const only = node.children.length === 1 ? node.children[0] : null;
        return only && only.startIndex === start && only.endIndex === end && only.type === type ? null : node;
      }
      // The child that contains [start, end): children are sorted and do not overlap.
      const children = node.children;
      let lo = 0;
      let hi = children.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (children[mid].startIndex <= start) lo = mid;
        else hi = mid - 1;
      }
      const child = children[lo];
      if (!child || child.startIndex > start || child.endIndex < end || child.endIndex === child.startIndex) return null;
      node = child;
    }
  }
}

/**
 * What the copy of a re-parsed tree may take from the copy of the old one: the old copy, the
 * changes of the text (old coordinates, sorted, disjoint) and the ranges tree-sitter reports as
 * structurally changed (new coordinates, sorted). A node of the new tree that touches neither
 * is the old node moved by the length difference of the changes before it.
 */
export interface Reuse {
  old: Tree;
  changes: readonly TextChange[];
  changed: readonly { startIndex: number; endIndex: number }[];
}

/** Reuse with the changes' new-text spans laid out for binary search. */
class ReuseIndex {
  readonly old: Tree;
  /** Per change: its span in the new text, and the length difference of the changes before it. */
  private readonly newStart: number[] = [];
  private readonly newEnd: number[] = [];
  private readonly deltaBefore: number[] = [];
  /** The structurally changed ranges of the new text, sorted and merged. */
  private readonly changedStart: number[];
  private readonly changedEnd: number[];

  constructor(reuse: Reuse) {
    this.old = reuse.old;
    let delta = 0;
    for (const c of reuse.changes) {
      this.newStart.push(c.start + delta);
      this.newEnd.push(c.start + delta + c.newLength);
      this.deltaBefore.push(delta);
      delta += c.newLength - (c.oldEnd - c.start);
    }
    this.deltaBefore.push(delta);
    // tree-sitter reports them sorted and disjoint; merged here all the same, as the search needs.
    this.changedStart = [];
    this.changedEnd = [];
    for (const r of [...reuse.changed].sort((a, b) => a.startIndex - b.startIndex)) {
      const last = this.changedEnd.length - 1;
      if (last >= 0 && r.startIndex <= this.changedEnd[last]) this.changedEnd[last] = Math.max(this.changedEnd[last], r.endIndex);
      else {
        this.changedStart.push(r.startIndex);
        this.changedEnd.push(r.endIndex);
      }
    }
  }

  /** The old-text offset of a new-text node [start, end] that no change touches (edges included), or -1. */
  unchangedOrigin(start: number, end: number): number {
    const r = firstEndingAtOrAfter(this.changedEnd, start);
    if (r < this.changedStart.length && this.changedStart[r] <= end) return -1;
    const i = firstEndingAtOrAfter(this.newEnd, start);
    if (i < this.newStart.length && this.newStart[i] <= end) return -1; // an insertion at an edge included
    return start - this.deltaBefore[i];
  }
}

/** The first index whose value (`ends`, ascending) is >= `at`, or ends.length. */
function firstEndingAtOrAfter(ends: readonly number[], at: number): number {
  return lowerBound(ends, (end) => end < at);
}

// What a node type id or field id stands for, read from the cursor the first time it is seen
// (a few dozen ids per language), so that most nodes cost only numeric native calls.
const typeNames: string[] = [];
const typeNamed: boolean[] = [];
const fieldNames: string[] = [];

function copy(tree: Tree, native: Parser.Tree, reuseOf?: Reuse): Node {
  const c = native.walk();
  const reuse = reuseOf && new ReuseIndex(reuseOf);
  const withErrors = native.rootNode.hasError;
  /** Set by make() when the node's children were cloned from the old copy: the walk does not descend. */
  let reused = false;
  const make = (): Node => {
    const typeId = c.nodeTypeId;
    let type = typeNames[typeId];
    if (type === undefined) {
      type = typeNames[typeId] = c.nodeType;
      typeNamed[typeId] = c.nodeIsNamed;
    }
    const start = c.startIndex;
    const end = c.endIndex;
    const n = new Node(tree, type, typeNamed[typeId], start, end);
    const fieldId = c.currentFieldId;
    if (fieldId) n.field = fieldNames[fieldId] ??= c.currentFieldName;
    if (withErrors) {
      // Whether a node has an error cannot be told from its visible children (a hidden token
      // may be MISSING; an ERROR leaf inside an ERROR node counts none), so tree-sitter is
      // asked: slow, but only for a tree with a syntax error (a file that is skipped).
      n.isMissing = c.nodeIsMissing;
      n.hasError = c.currentNode.hasError;
    }
    reused = false;
    if (reuse && end > start) {
      const origin = reuse.unchangedOrigin(start, end);
      const old = origin < 0 ? null : reuse.old.nodeAt(origin, origin + (end - start), type);
      if (old && old.children.length > 0) {
        old.cloneChildrenInto(n, tree, start - origin);
        reused = true;
      }
    }
    return n;
  };
  const root = make();
  let current = root;
  for (;;) {
    if (!reused && c.gotoFirstChild()) {
      const child = make();
      child.parent = current;
      current.children = [child];
      current = child;
      continue;
    }
    for (;;) {
      const parent = current.parent;
      if (parent === null) return root;
      if (c.gotoNextSibling()) {
        const sibling = make();
        sibling.parent = parent;
        sibling.index = parent.children.length;
        parent.children.push(sibling);
        current = sibling;
        break;
      }
      c.gotoParent();
      current = parent;
    }
  }
}
