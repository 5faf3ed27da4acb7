// Node-by-node comparison of the JavaScript copy of a tree (src/tree.ts) with tree-sitter's own
// tree of the same text: shared by the tests of the copy, of re-parsing and of splicing.
import { expect } from "vitest";
import Parser from "tree-sitter";
import Python from "tree-sitter-python";
import type { Node, Tree } from "../src/parser.js";

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


/**
 * What the transforms rely on in a re-parsed tree, moved nodes included: parent links and
 * indexes, ids in document order (ofTypes merges by id), every node indexed by type once and in
 * document order, and every node's text read from the new text.
 */
export function expectWellFormed(tree: Tree, text: string): void {
  const all: Node[] = [];
  const visit = (n: Node) => {
    all.push(n);
    n.children.forEach((c, i) => {
      expect(c.parent).toBe(n);
      expect(c.index).toBe(i);
      visit(c);
    });
  };
  visit(tree.rootNode);
  expect(all.every((n, i) => i === 0 || all[i - 1].id < n.id)).toBe(true);
  const indexed = [...tree.byType.values()].flat();
  expect(indexed.length).toBe(all.length);
  expect(new Set(indexed)).toEqual(new Set(all));
  for (const [type, list] of tree.byType) {
    expect(list.every((n, i) => n.type === type && (i === 0 || list[i - 1].id < n.id))).toBe(true);
  }
  expect(all.every((n) => n.text === text.slice(n.startIndex, n.endIndex))).toBe(true);
  // A subtree's nodes of some types come from the index by their ids: the same as a walk.
  const walked = (n: Node, types: readonly string[], out: Node[] = []): Node[] => {
    if (types.includes(n.type)) out.push(n);
    for (const c of n.children) walked(c, types, out);
    return out;
  };
  for (const n of all.filter((x) => x.children.length > 0 && x.parent !== null)) {
    for (const types of [["identifier"], ["call", "attribute", "string"]]) {
      expect(n.descendantsOfType(types).map((x) => x.id), `${n.type} at ${n.startIndex}`).toEqual(walked(n, types).map((x) => x.id));
    }
  }
}
