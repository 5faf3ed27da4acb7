// Python operator precedence, enough to know whether an expression written in place of a
// node needs parentheses there: `flow.ended` → `flow.websocket.timestamp_end is not None`
// is fine in `if flow.ended:` but must be wrapped in `flow.ended == x` or `flow.ended.real`.
import type { Node } from "./parser.js";

/** Precedence levels, lowest binding first (the Python reference's table, bottom up). */
export const Prec = {
  lambda: 0,
  conditional: 1,
  or: 2,
  and: 3,
  not: 4,
  comparison: 5,
  bitOr: 6,
  bitXor: 7,
  bitAnd: 8,
  shift: 9,
  additive: 10,
  multiplicative: 11,
  unary: 12,
  power: 13,
  await: 14,
  primary: 15,
} as const;

const BINARY: Record<string, number> = {
  "|": Prec.bitOr,
  "^": Prec.bitXor,
  "&": Prec.bitAnd,
  "<<": Prec.shift,
  ">>": Prec.shift,
  "+": Prec.additive,
  "-": Prec.additive,
  "*": Prec.multiplicative,
  "@": Prec.multiplicative,
  "/": Prec.multiplicative,
  "//": Prec.multiplicative,
  "%": Prec.multiplicative,
  "**": Prec.power,
};

/** The lowest precedence an expression may have to stand where `node` stands without parentheses. */
export function requiredPrecedence(node: Node): number {
  const p = node.parent;
  if (!p) return Prec.lambda;
  const is = (field: string) => p.childForFieldName(field)?.id === node.id;
  switch (p.type) {
    case "attribute":
      return is("object") ? Prec.primary : Prec.lambda;
    case "call":
      return is("function") ? Prec.primary : Prec.lambda;
    case "subscript":
      return is("value") ? Prec.primary : Prec.lambda;
    case "await":
      return Prec.primary;
    case "unary_operator":
      return Prec.unary;
    case "binary_operator": {
      const op = p.childForFieldName("operator")?.text ?? "";
      const level = BINARY[op] ?? Prec.primary;
      // Left-associative operators accept their own level on the left; ** is right-associative.
      if (op === "**") return is("left") ? Prec.await : Prec.unary;
      return is("left") ? level : level + 1;
    }
    case "comparison_operator":
      return Prec.bitOr;
    case "not_operator":
      return Prec.not;
    case "boolean_operator": {
      const op = p.childForFieldName("operator")?.text;
      return op === "and" ? Prec.not : Prec.and;
    }
    case "conditional_expression": {
      // body if condition else alternative: the last part may itself be a conditional.
      const parts = p.namedChildren.filter((c) => c.type !== "comment");
      return parts[parts.length - 1]?.id === node.id ? Prec.conditional : Prec.or;
    }
    case "list_splat":
    case "dictionary_splat":
      return Prec.bitOr;
    default:
      return Prec.lambda;
  }
}

/** `text` (an expression of precedence `level`) wrapped in parentheses if `node`'s place needs it. */
export function fitExpression(node: Node, text: string, level: number): string {
  return level < requiredPrecedence(node) ? `(${text})` : text;
}

/** The precedence of an existing expression node. */
export function precedenceOf(node: Node): number {
  switch (node.type) {
    case "lambda":
      return Prec.lambda;
    case "conditional_expression":
      return Prec.conditional;
    case "boolean_operator":
      return node.childForFieldName("operator")?.text === "and" ? Prec.and : Prec.or;
    case "not_operator":
      return Prec.not;
    case "comparison_operator":
      return Prec.comparison;
    case "binary_operator":
      return BINARY[node.childForFieldName("operator")?.text ?? ""] ?? Prec.primary;
    case "unary_operator":
      return Prec.unary;
    case "await":
      return Prec.await;
    case "named_expression":
    case "yield":
    case "expression_list":
    case "list_splat":
      return -1;
    default:
      return Prec.primary;
  }
}

/** The source of `node`, parenthesized when it is not a primary expression (for `<node>.attr`). */
export function asPrimary(node: Node): string {
  return precedenceOf(node) < Prec.primary ? `(${node.text})` : node.text;
}
