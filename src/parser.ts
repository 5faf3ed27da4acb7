// One tree-sitter parser per thread, and a process-wide cache of compiled queries
// (compiling a query costs far more than running it).
import Parser from "tree-sitter";
import Python from "tree-sitter-python";

export type Node = Parser.SyntaxNode;
export type Tree = Parser.Tree;

// node-tree-sitter answers every property of a node (type, start, parent, …) with a call into
// native code, and the transforms ask the same nodes the same questions many times. Trees are
// never edited here, so the answers can be kept on the node object (the binding hands out one
// object per node while it is referenced): about 20% less time on a whole run, measured on generated v6 addons.
const MEMO_GETTERS = ["type", "startIndex", "endIndex", "id", "parent", "isNamed", "isMissing", "hasError", "namedChildren", "children", "namedChildCount", "childCount", "text"] as const;
const MEMO_METHODS = ["childForFieldName", "childrenForFieldName"] as const;
{
  const proto = (Parser as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype as Record<string, unknown>;
  for (const name of MEMO_GETTERS) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (!get) throw new Error(`tree-sitter: no getter ${name}`);
    const slot = `__${name}`;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: Record<string, unknown>) {
        const cached = this[slot];
        if (cached !== undefined) return cached;
        return (this[slot] = get.call(this));
      },
    });
  }
  for (const name of MEMO_METHODS) {
    const method = proto[name] as (this: unknown, field: string) => unknown;
    const slot = `__${name}`;
    proto[name] = function (this: Record<string, unknown>, field: string) {
      const cache = (this[slot] ??= new Map<string, unknown>()) as Map<string, unknown>;
      if (cache.has(field)) return cache.get(field);
      const value = method.call(this, field);
      cache.set(field, value);
      return value;
    };
  }
}

let parser: Parser | undefined;
const queries = new Map<string, Parser.Query>();

function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
  }
  return parser;
}

export function parse(text: string): Tree {
  // The default input buffer handles strings of any length by chunks; a buffer as large
  // as the text avoids thousands of native round trips on big generated files.
  return getParser().parse(text, null, { bufferSize: Math.max(32 * 1024, text.length + 1) });
}

export function compileQuery(source: string): Parser.Query {
  let q = queries.get(source);
  if (!q) {
    q = new Parser.Query(Python as unknown as Parser.Language, source);
    queries.set(source, q);
  }
  return q;
}

/**
 * A block with no statement (`def f():` at the end of the file): tree-sitter accepts it without
 * an ERROR node, Python does not.
 */
function emptyBlocks(root: Node): Node[] {
  // namedChildCount is one native call; the children are looked at only for blocks of comments.
  return root.descendantsOfType("block").filter((b) => {
    if (b.namedChildCount === 0) return true;
    return b.firstNamedChild!.type === "comment" && b.namedChildren.every((c) => c.type === "comment");
  });
}

/** The first ERROR or MISSING node (or statement-less block) in document order, or null when the tree is clean. */
export function firstSyntaxError(root: Node): Node | null {
  const empty = emptyBlocks(root)[0] ?? null;
  const err = firstErrorNode(root);
  if (!empty || !err) return empty ?? err;
  return empty.startIndex < err.startIndex ? empty : err;
}

function firstErrorNode(root: Node): Node | null {
  if (!root.hasError) return null;
  const cursor = root.walk();
  for (;;) {
    const node = cursor.currentNode;
    if (node.type === "ERROR" || node.isMissing) return node;
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return null;
    }
  }
}

/** Number of ERROR and MISSING nodes and empty blocks: used to prove an edit introduced no new syntax error. */
export function countSyntaxErrors(root: Node): number {
  const empty = emptyBlocks(root).length;
  if (!root.hasError) return empty;
  let count = empty;
  const cursor = root.walk();
  for (;;) {
    const node = cursor.currentNode;
    if (node.type === "ERROR" || node.isMissing) count++;
    if (node.hasError && cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return count;
    }
  }
}
