// A plain JavaScript copy of a tree-sitter syntax tree. node-tree-sitter answers every
// question about a node (type, parent, a field's child, …) with a call into native code and a
// new wrapper object; the transforms ask hundreds of such questions per file, several times
// per pass. One cursor walk right after parsing copies the tree into these objects (about 0.6 µs
// per node), and everything after that is ordinary property access. Trees are never edited:
// a changed text is parsed again.
import type Parser from "tree-sitter";

let nextId = 1;

export class Node {
  readonly id = nextId++;
  parent: Node | null = null;
  /** Position in parent.children. */
  index = 0;
  /** The field this node fills in its parent (`name`, `body`, …), if any. */
  field: string | null = null;
  readonly children: Node[] = [];
  isMissing = false;
  hasError = false;
  private _namedChildren?: Node[];
  private _text?: string;

  constructor(
    private readonly tree: Tree,
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}

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

export class Tree {
  readonly rootNode: Node;
  private byType?: Map<string, Node[]>;

  constructor(
    readonly text: string,
    native: Parser.Tree,
  ) {
    this.rootNode = copy(this, native);
  }

  /** Every node of the given types in document order; one walk of the tree answers all types. */
  ofTypes(types: readonly string[]): Node[] {
    if (!this.byType) {
      const byType = new Map<string, Node[]>();
      const visit = (n: Node) => {
        const list = byType.get(n.type);
        if (list) list.push(n);
        else byType.set(n.type, [n]);
        for (const c of n.children) visit(c);
      };
      visit(this.rootNode);
      this.byType = byType;
    }
    if (types.length === 1) return [...(this.byType.get(types[0]) ?? [])];
    const found: Node[] = [];
    for (const t of new Set(types)) found.push(...(this.byType.get(t) ?? []));
    // Ids are given in creation order, which is document order.
    return found.sort((a, b) => a.id - b.id);
  }
}

// What a node type id or field id stands for, read from the cursor the first time it is seen
// (a few dozen ids per language), so that most nodes cost only numeric native calls.
const typeNames: string[] = [];
const typeNamed: boolean[] = [];
const fieldNames: string[] = [];

function copy(tree: Tree, native: Parser.Tree): Node {
  const c = native.walk();
  const withErrors = native.rootNode.hasError;
  const make = (): Node => {
    const typeId = c.nodeTypeId;
    let type = typeNames[typeId];
    if (type === undefined) {
      type = typeNames[typeId] = c.nodeType;
      typeNamed[typeId] = c.nodeIsNamed;
    }
    const n = new Node(tree, type, typeNamed[typeId], c.startIndex, c.endIndex);
    const fieldId = c.currentFieldId;
    if (fieldId) n.field = fieldNames[fieldId] ??= c.currentFieldName;
    if (withErrors) {
      n.isMissing = c.nodeIsMissing;
      n.hasError = n.isMissing || type === "ERROR";
    }
    return n;
  };
  const root = make();
  let current = root;
  for (;;) {
    if (c.gotoFirstChild()) {
      const child = make();
      child.parent = current;
      current.children.push(child);
      current = child;
      continue;
    }
    for (;;) {
      const parent = current.parent;
      if (parent === null) return root;
      if (withErrors && current.hasError) parent.hasError = true;
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
