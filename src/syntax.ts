// Small questions about Python syntax nodes that many transforms ask.
import type { Node } from "./parser.js";
import { isReference } from "./scope.js";

/** The object of `obj.attr` (null for other nodes). */
export function objectOf(attr: Node): Node | null {
  return attr.type === "attribute" ? attr.childForFieldName("object") : null;
}

/** The attribute name of `obj.attr` (null for other nodes). */
export function attributeName(attr: Node): string | null {
  return attr.type === "attribute" ? (attr.childForFieldName("attribute")?.text ?? null) : null;
}

/** The identifier node of `obj.attr`'s name. */
export function attributeNode(attr: Node): Node | null {
  return attr.type === "attribute" ? attr.childForFieldName("attribute") : null;
}

/** The call whose callee is `node` (`node(...)`), or null. */
export function callOf(node: Node): Node | null {
  const p = node.parent;
  return p?.type === "call" && p.childForFieldName("function")?.id === node.id ? p : null;
}

/** The attribute node `node.<name>` when `node` is the object of an attribute access. */
export function parentAttribute(node: Node): Node | null {
  const p = node.parent;
  return p?.type === "attribute" && p.childForFieldName("object")?.id === node.id ? p : null;
}

/** Is `node` assigned to (`node = …`, `node += …`, a target of a tuple assignment, `del node`)? */
export function isAssignmentTarget(node: Node): boolean {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === "assignment" || p.type === "augmented_assignment") return p.childForFieldName("left")?.id === n.id;
    if (p.type === "for_statement" || p.type === "for_in_clause") return p.childForFieldName("left")?.id === n.id;
    if (p.type === "delete_statement") return true;
    if (p.type === "as_pattern_target") return true;
    if (!["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "list_splat_pattern", "parenthesized_expression"].includes(p.type)) {
      return false;
    }
  }
  return false;
}

export interface Arguments {
  positional: Node[];
  keywords: Map<string, Node>;
  /** Any `*args` or `**kwargs`. */
  splat: boolean;
  /** The argument_list node itself. */
  node: Node | null;
}

export function argumentsOf(call: Node): Arguments {
  const list = call.childForFieldName("arguments");
  const out: Arguments = { positional: [], keywords: new Map(), splat: false, node: list?.type === "argument_list" ? list : null };
  if (!out.node) {
    // f(x for x in y): one generator argument
    if (list) out.positional.push(list);
    return out;
  }
  for (const a of out.node.namedChildren) {
    if (a.type === "comment") continue;
    if (a.type === "keyword_argument") out.keywords.set(a.childForFieldName("name")!.text, a);
    else if (a.type === "list_splat" || a.type === "dictionary_splat") out.splat = true;
    else out.positional.push(a);
  }
  return out;
}

/** The value of a plain string literal without prefixes, escapes or interpolation ("x", 'x'), else null. */
export function stringValue(node: Node | null): string | null {
  if (!node || node.type !== "string") return null;
  const parts = node.namedChildren;
  if (parts.some((p) => p.type === "interpolation" || p.type === "escape_sequence")) return null;
  const start = parts.find((p) => p.type === "string_start")?.text ?? "";
  if (/[bfu]/i.test(start.replace(/["']/g, "").replace(/r/gi, ""))) return null;
  return parts
    .filter((p) => p.type === "string_content")
    .map((p) => p.text)
    .join("");
}

/** Is this a bytes literal (b"…")? */
export function isBytesLiteral(node: Node | null): boolean {
  if (!node || node.type !== "string") return false;
  const start = node.namedChildren.find((p) => p.type === "string_start")?.text ?? "";
  return /b/i.test(start);
}

/** The nearest enclosing node of one of the given types. */
export function ancestor(node: Node, ...types: string[]): Node | null {
  for (let p = node.parent; p; p = p.parent) if (types.includes(p.type)) return p;
  return null;
}

/** The function_definition whose body contains `node` directly (not through a nested def/lambda/class). */
export function enclosingFunction(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === "function_definition") return p;
    if (p.type === "lambda" || p.type === "class_definition") return null;
  }
  return null;
}

/** Is `n` inside an import statement (part of an import path, an imported name or an alias)? */
export function inImportStatement(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === "import_statement" || p.type === "import_from_statement") return true;
    if (p.type === "block" || p.type === "module") return false;
  }
  return false;
}

/**
 * Is `node` (an identifier or attribute chain) used as a whole name, not as the attribute part
 * of `x.name` nor as a binding site (a parameter, a keyword name, an imported name)?
 */
export function isWholeName(node: Node): boolean {
  const p = node.parent;
  if (p?.type === "attribute" && p.childForFieldName("attribute")?.id === node.id) return false;
  return node.type !== "identifier" || isReference(node);
}

/** Is `node` a name used as a value (a load): a name use that is not assigned to? */
export function isLoad(ident: Node): boolean {
  return isReference(ident) && !isAssignmentTarget(ident);
}

/** Does `outer` contain `inner` (or equal it)? */
export function contains(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** The statements of a block or a function/class body, comments excluded. */
export function bodyStatements(node: Node): Node[] {
  const body = node.type === "block" || node.type === "module" ? node : node.childForFieldName("body");
  return body?.namedChildren.filter((c) => c.type !== "comment") ?? [];
}

/** Is this statement a docstring or `pass` (the filler of an otherwise empty body)? */
export function isFiller(stmt: Node): boolean {
  if (stmt.type === "pass_statement") return true;
  return stmt.type === "expression_statement" && stmt.namedChildCount === 1 && stmt.namedChild(0)!.type === "string";
}
