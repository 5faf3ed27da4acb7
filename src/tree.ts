// A plain JavaScript copy of a tree-sitter syntax tree. node-tree-sitter answers every
// question about a node (type, parent, a field's child, …) with a call into native code and a
// new wrapper object; the transforms ask hundreds of such questions per file, several times
// per pass. One cursor walk right after parsing copies the tree into these objects (about 0.45 µs
// per node, nearly all of it native calls; the grammar's facts spare the calls whose answer is
// known), and everything after that is ordinary property access. The tree of a changed text is
// mostly made from the old copy: src/splice.ts parses only the changed statements or
// expressions and Tree.spliced puts their nodes in place of the old ones, in the same tree
// object; otherwise the text is parsed again, incrementally (tree-sitter reuses the unchanged
// parts of the old tree), and the copy of the new tree takes the nodes of those unchanged parts
// from the old copy. Either way the old nodes are kept, not copied (no native call and no
// allocation per node), so the old copy must not be used after a re-parse.
import type Parser from "tree-sitter";
import { lowerBound } from "./search.js";

/**
 * The distance between the ids a tree gives its nodes in document order: a splice gives the
 * nodes it puts in ids between those of their neighbours. Ids stay small integers (V8 stores
 * anything else in a box of its own per node): 2^31 / 128, about 16 million nodes per tree.
 */
const ID_GAP = 128;
/**
 * The children of every leaf (most nodes): one shared empty array (memory). Not frozen: a frozen
 * array has its own kind of elements, and a `for (const c of node.children)` that meets both
 * kinds is deoptimised into allocating an iterator result per child (a quarter of all the
 * memory a run allocated). `children` is readonly in the type, so nothing can push onto it.
 */
const NO_CHILDREN: readonly Node[] = (() => {
  // Made non-empty first so that its elements kind is that of the other children arrays.
  const a: Node[] = [null as unknown as Node];
  a.pop();
  return a;
})();

export class Node {
  /** Document order within its tree (see ID_GAP; renumbered when a re-parse moves the node into a new tree). */
  id: number;
  parent: Node | null = null;
  /** Position in parent.children. */
  index = 0;
  /** The field this node fills in its parent (`name`, `body`, …), if any. */
  field: string | null = null;
  children: readonly Node[] = NO_CHILDREN;
  // Set only in trees with a syntax error; false on the prototype for the others (memory).
  declare isMissing: boolean;
  declare hasError: boolean;
  private _namedChildren?: Node[];
  private _text?: string;

  constructor(
    private tree: Tree,
    readonly type: string,
    readonly isNamed: boolean,
    // Not readonly: a re-parse or a splice shifts the nodes it takes over.
    public startIndex: number,
    public endIndex: number,
  ) {
    this.id = tree.takeId();
    tree.register(this);
  }

  /**
   * Gives `target` (a fresh node at this node's place in a new tree, `shift` characters further)
   * this node's children and their subtrees: each node is renumbered, shifted and indexed in its
   * new tree, in document order. This node and its old tree are dead afterwards.
   */
  moveChildrenTo(target: Node, tree: Tree, shift: number): void {
    const children = this.children;
    if (children.length === 0) return;
    this.children = NO_CHILDREN;
    this._namedChildren = undefined;
    target.children = children;
    for (const c of children) {
      c.parent = target;
      c.moveInto(tree, shift);
    }
  }

  /** Renumbers, shifts and indexes this subtree in `tree` (document order). @internal */
  moveInto(tree: Tree, shift: number): void {
    this.id = tree.takeId();
    this.tree = tree;
    this.shiftRange(shift);
    tree.register(this);
    for (const c of this.children) c.moveInto(tree, shift);
  }

  /**
   * A new node of a splice (and its subtree) into `tree`, `shift` characters further, each
   * node appended to `pending` (document order) to get its id. @internal
   */
  moveFresh(tree: Tree, shift: number, pending: Node[]): void {
    this.tree = tree;
    this.startIndex += shift;
    this.endIndex += shift;
    // Read from the piece's text: only its tree keeps it, and it is let go.
    this._text = undefined;
    pending.push(this);
    for (const c of this.children) c.moveFresh(tree, shift, pending);
  }

  /** Shifts this subtree's ranges by `shift` (same text, same tree); returns the id of its last node in document order. @internal */
  shiftBy(shift: number): number {
    this.shiftRange(shift);
    const children = this.children;
    let last = this.id;
    for (let k = 0; k < children.length; k++) last = children[k].shiftBy(shift);
    return last;
  }

  /** Moves this node's range by `shift`: the same text elsewhere. */
  private shiftRange(shift: number): void {
    this.startIndex += shift;
    this.endIndex += shift;
    // A cached slice of the text would keep the old text alive. V8 copies a string this short
    // (an identifier, mostly) instead of slicing it: kept.
    if (this._text !== undefined && this._text.length > 12) this._text = undefined;
  }

  /** Forgets what was read of this node's text and children (both changed). @internal */
  dropCaches(): void {
    this._text = undefined;
    this._namedChildren = undefined;
  }

  /**
   * Is this node's text, up to its first ".", exactly `name` (a name without dots)? The same as
   * `text.split(".", 1)[0] === name` without slicing the text: asked of every attribute and
   * identifier of a file.
   */
  headIs(name: string): boolean {
    const text = this.tree.text;
    const after = this.startIndex + name.length;
    return after <= this.endIndex && text.startsWith(name, this.startIndex) && (after === this.endIndex || text.charCodeAt(after) === 46); // "."
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

  namedChild(i: number): Node | null {
    return this.namedChildren[i] ?? null;
  }

  get previousSibling(): Node | null {
    return this.parent?.children[this.index - 1] ?? null;
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
    const wanted = typeof types === "string" ? [types] : types;
    if (this.parent === null) return this.tree.ofTypes(wanted);
    // A subtree is a run of the document order, so of ids: a slice of each type's list, found
    // by binary search instead of a walk of the subtree.
    return this.tree.ofTypes(wanted, this.id, lastDescendant(this).id);
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

  /** The copy of a native tree (reusing nodes of an old copy, see Reuse). */
  static copied(text: string, native: Parser.Tree, grammar: Grammar, reuse?: Reuse): Tree {
    return new Tree(text, native, [], (tree) => copy(tree, native, grammar, reuse));
  }

  /**
   * A tree of nodes made by `build` instead of a parser (src/splice.ts: the nodes of a dotted
   * name), only to be moved into a spliced tree: it has no native tree of its own.
   */
  static made(text: string, build: (tree: Tree) => Node): Tree {
    return new Tree(text, null as unknown as Parser.Tree, [], build);
  }

  private constructor(
    /** Changed only by spliced() (the tree of a changed text made in place). */
    public text: string,
    /**
     * The base of the next incremental parse (see reparse in parser.ts): the native tree of this
     * text, or after splices that of an older text, which `pendingEdits` lead to this one.
     */
    readonly native: Parser.Tree,
    /** The edits from the text of `native` to this text, in order; applied to it only when it is parsed again. */
    public pendingEdits: readonly TextEdit[],
    build: (tree: Tree) => Node,
  ) {
    this.rootNode = build(this);
  }

  /**
   * The tree of `text` made from `old` in place, without a parse (see src/splice.ts): the spans
   * of old text in `spans` were replaced (sorted, disjoint, each with the length difference of
   * its replacement), and `splices` (in document order) give the new nodes of the replaced
   * statements and expressions. The nodes that stay keep their ids and their place in the type
   * index and are only shifted (those before the first span not even visited); the replaced
   * ones leave the index, and the new ones get ids between their neighbours'. `old` is this
   * tree now: what held it holds the new text.
   */
  static spliced(old: Tree, text: string, changes: readonly TextChange[], spans: readonly SpanDelta[], splices: readonly ChildrenSplice[]): Tree {
    const tree = old;
    const { fresh, removed } = applySplices(splices);
    // In three functions, not one: V8 compiles each of them alone (and again in every worker of a pool).
    const renumber = shiftInPlace(tree, spans, fresh);
    tree.pendingEdits = [...tree.pendingEdits, { before: tree.text, changes, after: text }];
    tree.text = text;
    if (renumber) {
      tree.byType.clear();
      tree.lastId = 0;
      for (const n of preorder([tree.rootNode])) {
        n.id = tree.takeId();
        tree.register(n);
      }
    } else reindex(tree.byType, removed, splices);
    return tree;
  }

  /** The greatest id given to a node of this tree. @internal */
  lastId = 0;

  /** The id of a node made or moved into this tree after all the others (document order). @internal */
  takeId(): number {
    return (this.lastId += ID_GAP);
  }

  /** Indexes a node made or moved into this tree (in document order: the per-type lists come out sorted). */
  register(n: Node): void {
    const list = this.byType.get(n.type);
    if (list) list.push(n);
    else this.byType.set(n.type, [n]);
  }

  /** Every node of the given types in document order (only those with ids in [fromId, toId], when given). */
  ofTypes(types: readonly string[], fromId?: number, toId?: number): Node[] {
    const lists: Node[][] = [];
    for (const t of new Set(types)) {
      let list = this.byType.get(t);
      if (list && fromId !== undefined) {
        const lo = lowerBound(list, (n) => n.id < fromId);
        const hi = lowerBound(list, (n) => n.id <= toId!);
        list = list.slice(lo, hi);
      }
      if (list && list.length > 0) lists.push(list);
    }
    if (lists.length === 0) return [];
    // Each list is in document order (ids ascending): merged two by two, not sorted. The index's
    // own lists are copied (a slice by id already is one).
    let merged = fromId === undefined ? lists[0].slice() : lists[0];
    for (let k = 1; k < lists.length; k++) merged = mergeById(merged, lists[k]);
    return merged;
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

/** Text changes between two texts. */
export interface TextEdit {
  before: string;
  changes: readonly TextChange[];
  after: string;
}

/** A span [start, end] of an old text whose replacement is `delta` characters longer. */
export interface SpanDelta {
  start: number;
  end: number;
  delta: number;
}

/** The children [from, to) of `parent` replaced by `nodes`: the top nodes of another tree, `shift` characters away from their place. */
export interface ChildrenSplice {
  parent: Node;
  from: number;
  to: number;
  nodes: readonly Node[];
  shift: number;
  /** The field of the one node replaced, for the one node that replaces it. */
  field?: string | null;
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

/**
 * Puts the splices' nodes in their parents' children (see Tree.spliced): the new nodes, with
 * the distance each must move, and every node of the subtrees they replace.
 */
function applySplices(splices: readonly ChildrenSplice[]): { fresh: Map<Node, number>; removed: Node[][] } {
  const fresh = new Map<Node, number>();
  /** Per splice (same order): the nodes it replaces, in document order. */
  // Pushed, not mapped: Array.prototype.map's result has another elements kind in some runs.
  const removed: Node[][] = [];
  for (let k = 0; k < splices.length; k++) removed.push([]);
  if (splices.length === 0) return { fresh, removed }; // only names renamed
  // From the last run to the first (`splices` are in document order), so that each one's
  // indexes are still those of the old children; at one index, the run that starts there is
  // replaced before the statements inserted there go in, the last inserted first.
  const order = splices.map((s, i) => ({ s, i })).sort((a, b) => b.s.from - a.s.from || b.s.to - a.s.to || b.i - a.i);
  for (const { s, i } of order) {
    const kept = s.parent.children;
    removed[i] = preorder(kept.slice(s.from, s.to));
    // Pushed one by one, not spread: spreads of arrays of several kinds made V8 drop its
    // optimised code of this function again and again.
    const children: Node[] = [];
    for (let k = 0; k < s.from; k++) children.push(kept[k]);
    for (const n of s.nodes) children.push(n);
    for (let k = s.to; k < kept.length; k++) children.push(kept[k]);
    s.parent.children = children;
    s.parent.dropCaches();
    if (s.field !== undefined) s.nodes[0].field = s.field;
    for (const n of s.nodes) fresh.set(n, s.shift);
  }
  return { fresh, removed };
}

/**
 * Moves the nodes of a spliced tree to the new text (see Tree.spliced) and gives its new nodes
 * ids; true when the ids ran out somewhere and the whole tree must be numbered again.
 */
function shiftInPlace(tree: Tree, spans: readonly SpanDelta[], fresh: ReadonlyMap<Node, number>): boolean {
  const ends = spans.map((s) => s.end);
  // before[i]: the length difference of spans[0..i).
  const before = [0];
  for (const s of spans) before.push(before[before.length - 1] + s.delta);
  // An offset moves by the spans that end at or before it.
  const deltaAt = (offset: number) => before[lowerBound(ends, (end) => end <= offset)];

  // The walk is in document order: the new nodes wait in `pending` for the id of the next node
  // that stays, and get ids between it and `lastId` (the last node's before them).
  const pending: Node[] = [];
  let lastId = 0;
  let renumber = false;
  const stays = (id: number) => {
    if (pending.length > 0) {
      const step = Math.floor((id - lastId) / (pending.length + 1));
      // No room left between the two (many splices at one place): all renumbered.
      if (step < 1) renumber = true;
      for (let k = 0; k < pending.length; k++) pending[k].id = lastId + step * (k + 1);
      pending.length = 0;
    }
    lastId = id;
  };
  const visit = (n: Node): void => {
    const shift = fresh.get(n);
    if (shift !== undefined) return n.moveFresh(tree, shift, pending);
    const i = lowerBound(ends, (end) => end <= n.startIndex);
    // No span inside: the whole subtree moves by one distance (none before the first span).
    if (i === spans.length || spans[i].start >= n.endIndex) {
      stays(n.id);
      lastId = before[i] === 0 ? lastDescendant(n).id : n.shiftBy(before[i]);
      return;
    }
    stays(n.id);
    // A block spans its statements: replaced from their line's start to their line's end,
    // they say where it starts and ends now.
    const startsInSpan = spans[i].start < n.startIndex;
    const j = lowerBound(ends, (end) => end < n.endIndex);
    const endsInSpan = j < spans.length && spans[j].start < n.endIndex && n.endIndex < spans[j].end;
    n.startIndex += before[i];
    n.endIndex += deltaAt(n.endIndex);
    n.dropCaches();
    const children = n.children;
    for (let k = 0; k < children.length; k++) {
      const c = children[k];
      c.parent = n;
      c.index = k;
      visit(c);
    }
    if (startsInSpan && children.length > 0) n.startIndex = children[0].startIndex;
    if (endsInSpan && children.length > 0) n.endIndex = children[children.length - 1].endIndex;
  };
  visit(tree.rootNode);
  // New nodes at the end of the text: ids after every id the tree gave.
  for (const n of pending) n.id = tree.takeId();
  return renumber;
}

/**
 * The type index of a spliced tree: the replaced nodes out, then the new ones in, each a run
 * of its type's list found by binary search. The nodes of one type in a replaced subtree are
 * one run of the list (a subtree is a run of the document order), and so are those of a new
 * subtree, whose ids all fall between the same two ids of nodes that stay.
 */
function reindex(byType: Map<string, Node[]>, removed: readonly (readonly Node[])[], splices: readonly ChildrenSplice[]): void {
  // Only names renamed: nothing to do. (Also spares V8 an empty `removed`, whose elements kind
  // differs from a full one's: its optimised code of this function was dropped for it.)
  if (splices.length === 0) return;
  const runs = (nodes: readonly Node[]) => {
    const out = new Map<string, Node[]>();
    for (const n of nodes) {
      const list = out.get(n.type);
      if (list) list.push(n);
      else out.set(n.type, [n]);
    }
    return out;
  };
  for (const gone of removed) {
    for (const [type, out] of runs(gone)) {
      const list = byType.get(type)!;
      const at = lowerBound(list, (n) => n.id < out[0].id);
      for (let k = 0; k < out.length; k++) {
        if (list[at + k] !== out[k]) throw new Error(`the index of ${type} nodes is not in document order`);
      }
      list.splice(at, out.length);
      if (list.length === 0) byType.delete(type);
    }
  }
  for (const s of splices) {
    for (const [type, into] of runs(preorder(s.nodes))) {
      const list = byType.get(type);
      if (!list) {
        byType.set(type, into);
        continue;
      }
      const at = lowerBound(list, (n) => n.id < into[0].id);
      // One call when it fits in a call's arguments (nearly always), otherwise two copies.
      if (into.length < 10_000) list.splice(at, 0, ...into);
      else byType.set(type, [...list.slice(0, at), ...into, ...list.slice(at)]);
    }
  }
}

/** The nodes of the subtrees of `roots`, in document order. */
function preorder(roots: readonly Node[], into: Node[] = []): Node[] {
  for (const n of roots) {
    into.push(n);
    preorder(n.children, into);
  }
  return into;
}

/** The last node of a subtree in document order. */
function lastDescendant(n: Node): Node {
  while (n.children.length > 0) n = n.children[n.children.length - 1];
  return n;
}

/** Two lists of nodes in document order, merged (a loop, not push(...list): huge files). */
function mergeById(a: readonly Node[], b: readonly Node[]): Node[] {
  // Pushed, not preallocated: a holey array is another elements kind for every for-of over it.
  const out: Node[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].id < b[j].id ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** What the copy may assume of the language (from its node-types.json and grammar.json). */
export interface Grammar {
  /**
   * For each node type that has fields, the types (typeKey) of the children that can fill one:
   * for any other child the cursor is not asked for a field (a third of all nodes).
   */
  fieldChildTypes: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * For each node type with fields, the named child types that can fill only one of its fields
   * and are never among its children without a field: that field, not asked of the cursor.
   */
  onlyField: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Named node types that are single tokens: the cursor is not asked for their children. */
  namedTokens: ReadonlySet<string>;
  /**
   * Node types whose children may be separated by more than blank space (hidden tokens with
   * text, string content): their children's starts are asked of the cursor, not read from the text.
   */
  textBetweenChildren: ReadonlySet<string>;
  /**
   * Node types that can have a child that can be empty (an empty `block`): after a child that
   * ends where such a parent ends the cursor is still asked for a next sibling.
   */
  parentsOfEmpty: ReadonlySet<string>;
  /** Node types that can start with a hidden token: their starts are asked of the cursor. */
  hiddenStart: ReadonlySet<string>;
}

/** How Grammar names a node type: a named type by its name, an anonymous one quoted. */
export const typeKey = (type: string, named: boolean): string => (named ? type : JSON.stringify(type));

// What a node type id or field id stands for, read from the cursor the first time it is seen
// (a few dozen ids per language), so that most nodes cost only numeric native calls.
const typeNames: string[] = [];
const typeNamed: boolean[] = [];
/**
 * An anonymous node is a token spelled as its type (`(`, `def`, `==`), so its end is its start
 * plus that length, and it has no children: two native calls fewer for a third of all nodes.
 * Not for an anonymous alias of several tokens (`not in`, `is not`: spaced, with children).
 */
const typeIsToken: boolean[] = [];
/** A token, anonymous or named (an identifier, a number, …): no children. */
const typeIsLeaf: boolean[] = [];
const typeHasFields: boolean[] = [];
/** See Grammar.textBetweenChildren. */
const typeHasTextBetween: boolean[] = [];
/** See Grammar.parentsOfEmpty. */
const typeMayHoldEmpty: boolean[] = [];
/** See Grammar.hiddenStart. */
const typeHasHiddenStart: boolean[] = [];
const fieldNames: string[] = [];
/** The names of the fields that fieldPlan knows without the cursor (FIELD_KNOWN + index). */
const knownFields: string[] = [];
const FIELD_ASK = 1;
const FIELD_NONE = 2;
const FIELD_KNOWN = 3;
/**
 * Per parent type id (one with fields), per child type id: FIELD_ASK when a child of that type
 * can fill a field of the parent (the cursor is asked which), FIELD_NONE when it cannot,
 * FIELD_KNOWN + k when it can fill only knownFields[k], 0 not known yet. Type ids past the
 * width are asked.
 */
const fieldPlans: Uint16Array[] = [];
const FIELD_PLAN_WIDTH = 1024;

function fieldPlan(grammar: Grammar, parentType: number, childType: number): number {
  if (childType >= FIELD_PLAN_WIDTH) return FIELD_ASK;
  const row = (fieldPlans[parentType] ??= new Uint16Array(FIELD_PLAN_WIDTH));
  let plan = row[childType];
  if (plan === 0) {
    const parent = typeNames[parentType];
    const key = typeKey(typeNames[childType], typeNamed[childType]);
    // Asked only for a parent type with fields: both tables have it.
    const only = grammar.onlyField.get(parent)!.get(key);
    if (!grammar.fieldChildTypes.get(parent)!.has(key)) plan = FIELD_NONE;
    else if (only === undefined) plan = FIELD_ASK;
    else {
      let k = knownFields.indexOf(only);
      if (k < 0) k = knownFields.push(only) - 1;
      plan = FIELD_KNOWN + k;
    }
    row[childType] = plan;
  }
  return plan;
}

/**
 * The start of a node read from the text instead of asked of the cursor: the first character at
 * or after `from` (its parent's start, or its previous sibling's end) that is not ASCII blank
 * space. Between two visible siblings there is only blank space: comments are nodes, and the
 * hidden tokens that have text (string content, a format spec's text) are only children of
 * Grammar.textBetweenChildren; a node starts with its first visible descendant unless it is one
 * of Grammar.hiddenStart. Where that reading could be wrong the answer is -1 and the cursor is
 * asked: at a backslash (a line continuation is a node in some places and blank space in
 * others), at a non-ASCII character (Unicode blank space), and for a token whose spelling is
 * not there.
 */
function nodeStart(text: string, from: number, token: string | null): number {
  let i = from;
  let ch = text.charCodeAt(i);
  while (ch === 32 || (ch >= 9 && ch <= 13)) ch = text.charCodeAt(++i);
  if (ch === 92 || ch >= 128) return -1;
  if (token !== null && !text.startsWith(token, i)) return -1;
  return i;
}

function copy(tree: Tree, native: Parser.Tree, grammar: Grammar, reuseOf?: Reuse): Node {
  // node-tree-sitter makes a wrapper object for the root on each `rootNode` (native.walk() too).
  const nativeRoot = native.rootNode;
  const c = nativeRoot.walk();
  const reuse = reuseOf && new ReuseIndex(reuseOf);
  // A tree with a syntax error (MISSING tokens are zero-width; an ERROR node may hold fields)
  // is read without the shortcuts.
  const withErrors = nativeRoot.hasError;
  /** Set by make() when the node's children were moved from the old copy: the walk does not descend. */
  let reused = false;
  /** Set by make(): the node is a token, anonymous or named (see typeIsLeaf): the walk does not descend. */
  let leaf = false;
  /** The type id of the node make() made last. */
  let madeType = 0;
  const text = tree.text;
  /**
   * Makes the cursor's node. `from`: where the node's start is searched in the text (see
   * nodeStart): its parent's start or its previous sibling's end; -1 to ask the cursor.
   */
  const make = (parentType: number, from: number): Node => {
    const typeId = (madeType = c.nodeTypeId);
    let type = typeNames[typeId];
    if (type === undefined) {
      type = typeNames[typeId] = c.nodeType;
      typeNamed[typeId] = c.nodeIsNamed;
      typeIsToken[typeId] = !typeNamed[typeId] && type.length > 0 && !/\s/.test(type);
      typeIsLeaf[typeId] = typeIsToken[typeId] || (typeNamed[typeId] && grammar.namedTokens.has(type));
      typeHasFields[typeId] = grammar.fieldChildTypes.has(type);
      typeHasTextBetween[typeId] = grammar.textBetweenChildren.has(type);
      typeMayHoldEmpty[typeId] = grammar.parentsOfEmpty.has(type);
      typeHasHiddenStart[typeId] = grammar.hiddenStart.has(type);
    }
    const token = !withErrors && typeIsToken[typeId];
    leaf = !withErrors && typeIsLeaf[typeId];
    let start = from >= 0 && !typeHasTextBetween[parentType] && !typeHasHiddenStart[typeId] ? nodeStart(text, from, token ? type : null) : -1;
    if (start < 0) start = c.startIndex;
    const end = token ? start + type.length : c.endIndex;
    const n = new Node(tree, type, typeNamed[typeId], start, end);
    if (parentType >= 0 && (withErrors || typeHasFields[parentType])) {
      const plan = withErrors ? FIELD_ASK : fieldPlan(grammar, parentType, typeId);
      if (plan >= FIELD_KNOWN) n.field = knownFields[plan - FIELD_KNOWN];
      else if (plan === FIELD_ASK) {
        const fieldId = c.currentFieldId;
        if (fieldId) n.field = fieldNames[fieldId] ??= c.currentFieldName;
      }
    }
    if (withErrors) {
      // Whether a node has an error cannot be told from its visible children (a hidden token
      // may be MISSING; an ERROR leaf inside an ERROR node counts none), so tree-sitter is
      // asked: slow, but only for a tree with a syntax error (a file that is skipped).
      n.isMissing = c.nodeIsMissing;
      n.hasError = c.currentNode.hasError;
    }
    reused = false;
    if (reuse && end > start && !leaf) {
      const origin = reuse.unchangedOrigin(start, end);
      const old = origin < 0 ? null : reuse.old.nodeAt(origin, origin + (end - start), type);
      if (old && old.children.length > 0) {
        old.moveChildrenTo(n, tree, start - origin);
        reused = true;
      }
    }
    return n;
  };
  const root = make(-1, -1);
  let current = root;
  // The children of the nodes on the current path are collected in one scratch array per depth
  // and copied out at their exact size when the walk leaves the parent (an array grown by push
  // holds room for 17 after its second element: memory and allocation).
  let depth = 0;
  const typeOnPath = [madeType];
  for (;;) {
    if (!reused && !leaf && c.gotoFirstChild()) {
      const child = make(typeOnPath[depth], withErrors ? -1 : current.startIndex);
      child.parent = current;
      const siblings = (scratch[depth] ??= []);
      siblings.push(child);
      depth++;
      typeOnPath[depth] = madeType;
      current = child;
      continue;
    }
    for (;;) {
      const parent = current.parent;
      if (parent === null) return root;
      const siblings = scratch[depth - 1];
      // A node that ends where its parent ends is its last child, unless an empty node can
      // follow it (Grammar.parentsOfEmpty; in a tree with an error, MISSING tokens too): the
      // cursor is not asked for a next sibling.
      const last = !withErrors && current.endIndex === parent.endIndex && !typeMayHoldEmpty[typeOnPath[depth - 1]];
      if (!last && c.gotoNextSibling()) {
        const sibling = make(typeOnPath[depth - 1], withErrors ? -1 : current.endIndex);
        sibling.parent = parent;
        sibling.index = siblings.length;
        siblings.push(sibling);
        typeOnPath[depth] = madeType;
        current = sibling;
        break;
      }
      c.gotoParent();
      parent.children = siblings.slice();
      siblings.length = 0; // holds no node of this tree after the copy
      depth--;
      current = parent;
    }
  }
}

/** copy()'s per-depth buffers of children, kept between copies. */
const scratch: Node[][] = [];
