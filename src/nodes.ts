// More small questions about Python syntax nodes (generic; nothing about mitmproxy).
import type { Node } from "./parser.js";

/** Is this function_definition an `async def`? */
export function isAsync(def: Node): boolean {
  return def.children.some((c) => c.type === "async");
}

/** The decorator expressions of a function or class definition (innermost last). */
export function decoratorsOf(def: Node): Node[] {
  const p = def.parent;
  if (p?.type !== "decorated_definition") return [];
  return p.namedChildren.filter((c) => c.type === "decorator").map((d) => d.namedChild(0)!).filter(Boolean);
}

/** The statement that holds a definition: its decorated_definition when decorated. */
export function definitionStatement(def: Node): Node {
  return def.parent?.type === "decorated_definition" ? def.parent : def;
}

export interface Comparison {
  operands: Node[];
  /** Operators between the operands: "==", "!=", "in", "not in", "is", "is not", "<", … */
  operators: string[];
}

/** The operands and operators of a comparison (`a == b`, `x not in y`, `a < b < c`). */
export function comparisonParts(node: Node): Comparison | null {
  if (node.type !== "comparison_operator") return null;
  const operands: Node[] = [];
  const operators: string[] = [];
  for (const c of node.children) {
    if (c.isNamed && c.type !== "comment") operands.push(c);
    else if (!c.isNamed) operators.push(c.type);
  }
  return { operands, operators };
}

/** An identifier or a chain of attribute accesses on one (`name`, `self.x`, `ctx.options.y`). */
export function isNameChain(node: Node | null): boolean {
  if (!node) return false;
  if (node.type === "identifier") return true;
  if (node.type === "attribute") return isNameChain(node.childForFieldName("object"));
  return false;
}

/** Skips enclosing parentheses: the expression a parenthesized_expression wraps. */
export function unparenthesized(node: Node): Node {
  let n = node;
  while (n.type === "parenthesized_expression" && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** The parent of `node`, skipping parenthesized_expression wrappers. */
export function parentSkippingParens(node: Node): { parent: Node | null; child: Node } {
  let child = node;
  let p = node.parent;
  while (p?.type === "parenthesized_expression") {
    child = p;
    p = p.parent;
  }
  return { parent: p, child };
}

/** Identifiers named `name` inside `node` (any role). */
export function identifiersNamed(node: Node, name: string): Node[] {
  return node.descendantsOfType("identifier").filter((i) => i.text === name);
}

/** Does any identifier inside `node` (or in `within`, when given) have this text? */
export function mentions(node: Node, name: string): boolean {
  return identifiersNamed(node, name).length > 0;
}

