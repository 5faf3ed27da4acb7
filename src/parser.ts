// One tree-sitter parser per thread, and a process-wide cache of compiled queries
// (compiling a query costs far more than running it).
import Parser from "tree-sitter";
import Python from "tree-sitter-python";

export type Node = Parser.SyntaxNode;
export type Tree = Parser.Tree;

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
