// Node-by-node comparison of the JavaScript copy of a tree (src/tree.ts) with tree-sitter's own
// tree of the same text: shared by the tests of the copy, of re-parsing and of splicing.
import Parser from "tree-sitter";
import Python from "tree-sitter-python";
import type { Node } from "../src/parser.js";

export const native = new Parser();
native.setLanguage(Python as unknown as Parser.Language);

/** Every difference between the copy and the native node, with the node's path. */
export function differences(copy: Node, orig: Parser.SyntaxNode, path = "root", out: string[] = []): string[] {
  if (out.length > 5) return out;
  const facts = (n: Node | Parser.SyntaxNode) => ({
    type: n.type,
    isNamed: n.isNamed,
    isMissing: n.isMissing,
    hasError: n.hasError,
    start: n.startIndex,
    end: n.endIndex,
    children: n.childCount,
    named: n.namedChildCount,
    text: n.text,
  });
  const a = facts(copy);
  const b = facts(orig);
  for (const k of Object.keys(a) as (keyof typeof a)[]) if (a[k] !== b[k]) out.push(`${path}: ${k} ${JSON.stringify(a[k])} != ${JSON.stringify(b[k])}`);
  const cursor = orig.walk();
  const fields: (string | null)[] = [];
  if (cursor.gotoFirstChild()) {
    do fields.push(cursor.currentFieldName ?? null);
    while (cursor.gotoNextSibling());
  }
  orig.children.forEach((child, i) => {
    if (copy.children[i]?.field !== fields[i]) out.push(`${path}/${i}: field ${copy.children[i]?.field} != ${fields[i]}`);
    if (copy.children[i]) differences(copy.children[i], child, `${path}/${i}:${child.type}`, out);
  });
  // Inside a subtree with a syntax error tree-sitter's childForFieldName can disagree with its
  // own cursor's field names; the copy follows the cursor, and such files are skipped anyway.
  if (orig.hasError) return out;
  for (const name of new Set(fields.filter((f): f is string => f !== null))) {
    const ours = copy.childrenForFieldName(name).map((n) => n.startIndex);
    const theirs = orig.childrenForFieldName(name).map((n) => n.startIndex);
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) out.push(`${path}: childrenForFieldName(${name})`);
    if (copy.childForFieldName(name)?.startIndex !== orig.childForFieldName(name)?.startIndex) out.push(`${path}: childForFieldName(${name})`);
  }
  return out;
}

