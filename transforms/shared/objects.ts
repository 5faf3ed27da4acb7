// Which object an expression holds, when the file shows it: a name or `self.<attr>` whose
// every assignment is a call to one of a few known classes (e.g. `w = io.FlowWriter(fh)`,
// `self.master = DumpMaster(opts)`). Nothing is guessed from names.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { ancestor, attributeName, isAssignmentTarget } from "../../src/syntax.js";

/** Is `node` a call to one of `classes` (resolved through imports)? */
export function isCallTo(file: SourceFile, node: Node | null, classes: readonly string[]): boolean {
  if (node?.type !== "call") return false;
  const q = file.imports.resolve(node.childForFieldName("function"));
  return q !== null && classes.includes(q);
}

/**
 * The constructor call that `expr` (an identifier or `self.<attr>`) was assigned from, when
 * every assignment of it is a call to one of `classes` (`self.<attr> = None` is allowed too).
 */
export function constructedBy(file: SourceFile, expr: Node | null, classes: readonly string[]): Node | null {
  if (!expr) return null;
  if (expr.type === "call") return isCallTo(file, expr, classes) ? expr : null;
  if (expr.type === "identifier") {
    const scope = file.scopes.resolveIdentifier(expr);
    const bindings = scope?.bindings.get(expr.text);
    if (!bindings || bindings.length === 0) return null;
    let found: Node | null = null;
    for (const b of bindings) {
      if (b.kind !== "assignment" || !b.value || !isCallTo(file, b.value, classes)) return null;
      found ??= b.value;
    }
    return found;
  }
  if (expr.type === "attribute") {
    const obj = expr.childForFieldName("object");
    const name = attributeName(expr);
    if (obj?.type !== "identifier" || obj.text !== "self" || !name) return null;
    const cls = ancestor(expr, "class_definition");
    if (!cls) return null;
    let found: Node | null = null;
    for (const attr of cls.descendantsOfType("attribute")) {
      const o = attr.childForFieldName("object");
      if (o?.type !== "identifier" || o.text !== "self" || attributeName(attr) !== name) continue;
      if (!isAssignmentTarget(attr)) continue;
      const assignment = attr.parent;
      if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== attr.id) return null;
      const value = assignment.childForFieldName("right");
      if (value?.type === "none") continue;
      if (!isCallTo(file, value, classes)) return null;
      found ??= value;
    }
    return found;
  }
  return null;
}
