// One tree-sitter parser per thread. Every parse is copied at once into a plain JavaScript tree
// (src/tree.ts): the native tree is not kept.
import Parser from "tree-sitter";
import Python from "tree-sitter-python";
import { Node, Tree } from "./tree.js";

export { Node, Tree };

let parser: Parser | undefined;

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
  return new Tree(text, getParser().parse(text, null, { bufferSize: Math.max(32 * 1024, text.length + 1) }));
}

/**
 * A block with no statement (`def f():` at the end of the file): tree-sitter accepts it without
 * an ERROR node, Python does not.
 */
function emptyBlocks(root: Node): Node[] {
  return root.descendantsOfType("block").filter((b) => b.namedChildren.every((c) => c.type === "comment"));
}

/** ERROR and MISSING nodes in document order. */
function errorNodes(root: Node): Node[] {
  const found: Node[] = [];
  const visit = (n: Node) => {
    if (n.type === "ERROR" || n.isMissing) found.push(n);
    for (const c of n.children) if (c.hasError) visit(c);
  };
  if (root.hasError) visit(root);
  return found;
}

/** The first ERROR or MISSING node (or statement-less block) in document order, or null when the tree is clean. */
export function firstSyntaxError(root: Node): Node | null {
  const empty = emptyBlocks(root)[0] ?? null;
  const err = errorNodes(root)[0] ?? null;
  if (!empty || !err) return empty ?? err;
  return empty.startIndex < err.startIndex ? empty : err;
}

/** Number of ERROR and MISSING nodes and empty blocks: used to prove an edit introduced no new syntax error. */
export function countSyntaxErrors(root: Node): number {
  return emptyBlocks(root).length + errorNodes(root).length;
}
