// String literals written into existing code. Inside the replacement field of an f-string,
// Python before 3.12 does not allow the f-string's own quote character, so a literal inserted
// there must use the other one: f"{flow.request.headers.get('x')}".
import type { Node } from "./parser.js";

/** A quote character usable for a new string literal at `node`, or null when both are taken. */
export function quoteAt(node: Node, preferred: '"' | "'" = '"'): '"' | "'" | null {
  const used = new Set<string>();
  for (let p = node.parent; p; p = p.parent) {
    if (p.type !== "string") continue;
    const start = p.namedChildren.find((c) => c.type === "string_start")?.text ?? "";
    const q = start.replace(/^[a-zA-Z]*/, "")[0];
    if (q) used.add(q);
  }
  if (!used.has(preferred)) return preferred;
  const other = preferred === '"' ? "'" : '"';
  return used.has(other) ? null : other;
}

/**
 * `value` as a string literal that can stand at `node` (null when no quote character is free).
 * `value` must not contain quotes, backslashes or newlines.
 */
export function literalAt(node: Node, value: string): string | null {
  const q = quoteAt(node);
  return q === null ? null : `${q}${value}${q}`;
}
