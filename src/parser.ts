// One tree-sitter parser per thread. Every parse is copied at once into a plain JavaScript tree
// (src/tree.ts); the native tree is kept only as the base of an incremental parse, when the
// edits of a pass cannot be spliced into the old tree (src/splice.ts).
import Parser from "tree-sitter";
import Python from "tree-sitter-python";
import { countNewlines, lineOf, lineStartsOf } from "./lines.js";
import { spliceTree } from "./splice.js";
import { Node, Tree, typeKey, type Grammar, type TextChange } from "./tree.js";

export { Node, Tree, type TextChange };

/**
 * MITM_CODEMOD_VERIFY_TREES=1 (and the tests): every incremental parse is compared with a full
 * parse of the same text, node by node; a difference throws.
 */
export const checks = { verifyTrees: !!process.env.MITM_CODEMOD_VERIFY_TREES };

let parser: Parser | undefined;

/** A node type as node-types.json names it. */
interface TypeRef {
  type: string;
  named: boolean;
}

/** node-types.json as tree-sitter-python ships it (the part the copy reads). */
interface NodeTypeInfo extends TypeRef {
  fields?: Record<string, { types: TypeRef[] }>;
  children?: { types: TypeRef[] };
  subtypes?: TypeRef[];
}
const nodeTypeInfo = (Python as unknown as { nodeTypeInfo: NodeTypeInfo[] }).nodeTypeInfo;

/**
 * tree-sitter-python's named node types that are terminal symbols (tokens), so never have a
 * child. Not every rule spelled as a string is one: `keyword_separator` (`*`) wraps the `*`
 * token used elsewhere. test/tree.test.ts reads the same list from the grammar's parser.c.
 */
export const NAMED_TOKENS: readonly string[] = [
  "comment", "ellipsis", "escape_interpolation", "escape_sequence", "false", "float", "identifier", "integer",
  "line_continuation", "none", "string_end", "string_start", "true", "type_conversion",
];

/** The node types a supertype (`expression`, `primary_expression`, …) stands for, expanded; any other type itself. */
const subtypesOf = new Map(nodeTypeInfo.filter((t) => t.subtypes).map((t) => [t.type, t.subtypes!]));
function concreteTypes(refs: readonly TypeRef[], out: TypeRef[] = []): TypeRef[] {
  for (const x of refs) {
    const sub = x.named ? subtypesOf.get(x.type) : undefined;
    if (sub) concreteTypes(sub, out);
    else out.push(x);
  }
  return out;
}

/**
 * For each node type with fields: the types (typeKey) of the children that can fill one of its
 * fields, and the named child types that can fill exactly one of them and are not among its
 * children without a field (node-types.json lists every named child that can appear
 * unfielded): `identifier` in `function_definition` is always its `name`.
 */
function fieldTables(info: readonly NodeTypeInfo[]): Pick<Grammar, "fieldChildTypes" | "onlyField"> {
  const fieldChildTypes = new Map<string, Set<string>>();
  const onlyField = new Map<string, Map<string, string>>();
  for (const t of info) {
    if (!t.fields || Object.keys(t.fields).length === 0) continue;
    const fillers = new Set<string>();
    /** Per named child type, the fields it can fill. */
    const fieldsOf = new Map<string, Set<string>>();
    for (const [name, f] of Object.entries(t.fields)) {
      for (const x of concreteTypes(f.types)) {
        fillers.add(typeKey(x.type, x.named));
        if (x.named) (fieldsOf.get(x.type) ?? fieldsOf.set(x.type, new Set()).get(x.type)!).add(name);
      }
    }
    const unfielded = new Set(concreteTypes(t.children?.types ?? []).map((x) => typeKey(x.type, x.named)));
    const only = new Map<string, string>();
    for (const [type, names] of fieldsOf) if (names.size === 1 && !unfielded.has(type)) only.set(type, [...names][0]);
    fieldChildTypes.set(t.type, fillers);
    onlyField.set(t.type, only);
  }
  return { fieldChildTypes, onlyField };
}

/**
 * The node types whose children can have text between them that is not a node: string content
 * (hidden `_string_content` tokens, and blank space that is content) and a format spec's text.
 * test/tree.test.ts checks against parser.c that no other hidden token has text.
 */
export const TEXT_BETWEEN_CHILDREN: readonly string[] = ["string", "string_content", "interpolation", "format_specifier"];

/**
 * The node types that can start with a hidden token: an empty one (`_newline`, `_indent`,
 * `_dedent`), which may stand before blank space (a match statement's block starts at the end
 * of its header's line), or one with text. Their starts are asked of the cursor; any other
 * node starts at the first character after its parent's start or its previous sibling's end
 * that is not blank. test/tree.test.ts computes the list from grammar.json.
 */
export const HIDDEN_START_TYPES: readonly string[] = ["block", "string_content"];

/**
 * The node types that can be empty in a tree without an error: the rules of grammar.json that
 * can match no text (`_newline`, `_indent` and `_dedent` are empty tokens), an alias included
 * (`def f():` at the end of a file has an empty `block`). test/tree.test.ts computes the list.
 */
export const EMPTY_NODE_TYPES: readonly string[] = ["block", "module"];

/** The node types that can have a child of one of `types` (named types). */
function parentsOf(info: readonly NodeTypeInfo[], types: readonly string[]): Set<string> {
  const wanted = new Set(types);
  const out = new Set<string>();
  for (const t of info) {
    const kids = concreteTypes([...Object.values(t.fields ?? {}).flatMap((f) => f.types), ...(t.children?.types ?? [])]);
    if (kids.some((k) => k.named && wanted.has(k.type))) out.add(t.type);
  }
  return out;
}

const grammar: Grammar = {
  ...fieldTables(nodeTypeInfo),
  namedTokens: new Set(NAMED_TOKENS),
  textBetweenChildren: new Set(TEXT_BETWEEN_CHILDREN),
  parentsOfEmpty: parentsOf(nodeTypeInfo, EMPTY_NODE_TYPES),
  hiddenStart: new Set(HIDDEN_START_TYPES),
};

function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
  }
  return parser;
}

function parseNative(text: string, old: Parser.Tree | null): Parser.Tree {
  // The default input buffer handles strings of any length by chunks; a buffer as large
  // as the text avoids thousands of native round trips on big generated files.
  return getParser().parse(text, old, { bufferSize: Math.max(32 * 1024, text.length + 1) });
}

export function parse(text: string): Tree {
  return Tree.copied(text, parseNative(text, null), grammar);
}

/** MITM_CODEMOD_PROFILE=1: how re-parses were made (printed at exit). */
export const reparseCounts = { spliced: 0, parsed: 0 };

/**
 * The tree of `text`, which is `old.text` with `changes` applied (old coordinates, sorted,
 * disjoint): spliced from the old copy when every change allows it (src/splice.ts), otherwise
 * parsed incrementally (the old native tree, edited, is the base) with the copy taking over
 * the nodes of the old copy's unchanged parts. Either way `old` must not be used afterwards.
 */
export function reparse(old: Tree, changes: readonly TextChange[], text: string): Tree {
  const spliced = spliceTree(old, changes, text, parse);
  if (spliced) {
    reparseCounts.spliced++;
    if (checks.verifyTrees) verifySame(spliced, parse(text), "a spliced tree");
    return spliced;
  }
  reparseCounts.parsed++;
  for (const e of old.pendingEdits) editNative(old.native, e.before, e.changes, e.after);
  editNative(old.native, old.text, changes, text);
  const native = parseNative(text, old.native);
  const tree = Tree.copied(text, native, grammar, { old, changes, changed: old.native.getChangedRanges(native) });
  if (checks.verifyTrees) verifySame(tree, parse(text), "an incremental parse");
  return tree;
}

/** Edits a native tree of `before` to the coordinates of `after` (the base of an incremental parse). */
function editNative(native: Parser.Tree, before: string, changes: readonly TextChange[], after: string): void {
  const lineStarts = lineStartsOf(before);
  const point = (offset: number) => {
    const row = lineOf(lineStarts, offset);
    return { row, column: offset - lineStarts[row] };
  };
  // From the last change to the first, so that each one's old positions are still those of old.text.
  let delta = 0;
  for (const c of changes) delta += c.newLength - (c.oldEnd - c.start);
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    delta -= c.newLength - (c.oldEnd - c.start);
    const inserted = after.slice(c.start + delta, c.start + delta + c.newLength);
    const startPosition = point(c.start);
    const lastNl = inserted.lastIndexOf("\n");
    const newEndPosition =
      lastNl === -1
        ? { row: startPosition.row, column: startPosition.column + inserted.length }
        : { row: startPosition.row + countNewlines(inserted), column: inserted.length - lastNl - 1 };
    native.edit({
      startIndex: c.start,
      oldEndIndex: c.oldEnd,
      newEndIndex: c.start + c.newLength,
      startPosition,
      oldEndPosition: point(c.oldEnd),
      newEndPosition,
    });
  }
}

function verifySame(a: Tree, b: Tree, what: string): void {
  const walk = (x: Node, y: Node, path: string) => {
    const same =
      x.type === y.type && x.startIndex === y.startIndex && x.endIndex === y.endIndex && x.field === y.field &&
      x.isNamed === y.isNamed && x.isMissing === y.isMissing && x.hasError === y.hasError && x.index === y.index &&
      x.children.length === y.children.length && x.id < (x.children[0]?.id ?? Infinity);
    if (!same) throw new Error(`${what} differs from a full parse at ${path} (${x.type} ${x.startIndex}-${x.endIndex} vs ${y.type} ${y.startIndex}-${y.endIndex})`);
    x.children.forEach((c, i) => {
      if (c.parent !== x) throw new Error(`${what}: wrong parent at ${path}/${i}`);
      walk(c, y.children[i], `${path}/${i}`);
    });
  };
  walk(a.rootNode, b.rootNode, "root");
  // Every node reads its text from the new tree and is indexed by type there, once, in document order.
  let count = 0;
  const texts = (x: Node) => {
    count++;
    if (x.text !== a.text.slice(x.startIndex, x.endIndex)) throw new Error(`${what}: a node's text is not the new text's`);
    for (const c of x.children) texts(c);
  };
  texts(a.rootNode);
  let indexed = 0;
  for (const [type, list] of a.byType) {
    indexed += list.length;
    if (!list.every((n, i) => n.type === type && (i === 0 || list[i - 1].id < n.id))) throw new Error(`${what}: the index of ${type} nodes is not in document order`);
  }
  if (indexed !== count) throw new Error(`${what}: ${indexed} nodes indexed, ${count} in the tree`);
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
