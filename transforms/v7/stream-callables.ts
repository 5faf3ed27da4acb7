// P7-01: a stream callable (`flow.response.stream = f`) received an iterator of chunks and
// yielded chunks in mitmproxy 6; since 7 it is called once per chunk (and once with b"" at the end).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { methodsOf, parameterName, parametersOf } from "../../src/addons.js";
import { attributeName, bodyStatements, isFiller, objectOf } from "../../src/syntax.js";
import { parameterAnnotation } from "../../src/refactor.js";
import { soleBinding } from "../shared/bindings.js";
import { mentions } from "../../src/nodes.js";

const MESSAGE = "stream callables receive one chunk (bytes) per call since mitmproxy 7, not an iterator of chunks.";

export default defineTransform({
  id: "v7/stream-callables",
  catalog: ["P7-01"],
  title: "def f(chunks): for c in chunks: yield g(c)  →  def f(c): return g(c)",
  safety: "safe",
  description:
    "In mitmproxy 6 a callable assigned to flow.request.stream / flow.response.stream received an iterator of " +
    "chunks and yielded the modified chunks; since mitmproxy 7 it is called once per chunk (bytes in, bytes out) " +
    "and once more with b\"\" at the end. A function whose whole body is `for c in chunks: yield <expr>` becomes " +
    "`def f(c): return <expr>`, and `lambda chunks: (<expr> for c in chunks)` becomes `lambda c: <expr>`. Other " +
    "stream callables are reported.",
  needs: ["stream"],
  run(file) {
    const done = new Set<number>();
    for (const assignment of file.nodes("assignment")) {
      const left = assignment.childForFieldName("left");
      const value = assignment.childForFieldName("right");
      if (!left || !value || attributeName(left) !== "stream") continue;
      const message = objectOf(left)!;
      if (attributeName(message) !== "request" && attributeName(message) !== "response") continue;
      if (["true", "false", "none"].includes(value.type)) continue; // stream = True still means "stream unchanged"
      streamCallable(file, value, done);
    }
  },
});

function streamCallable(file: SourceFile, value: Node, done: Set<number>): void {
  const report = (why: string) => file.report(value, "P7-01", `${MESSAGE} ${why}`);
  if (value.type === "lambda") {
    const r = lambdaShape(value);
    if (r === "migrated") return;
    if (r === null) return report("Rewrite this lambda to take one chunk and return the modified chunk.");
    file.replace(value, `lambda ${r.chunk}: ${r.expr.text}`);
    return;
  }
  const found = functionOf(file, value);
  if (!found) return report("Make sure this callable takes one chunk and returns the modified chunk.");
  const { def, isMethod } = found;
  if (done.has(def.id)) return;
  const shape = defShape(def, isMethod);
  if (shape === "migrated") return;
  if (typeof shape === "string") return report(`${shape} Rewrite ${def.childForFieldName("name")!.text}() to take one chunk and return the modified chunk.`);
  if (!onlyStreamUses(file, def, isMethod)) {
    return report(`${def.childForFieldName("name")!.text}() is also used elsewhere, so it was not rewritten.`);
  }
  done.add(def.id);
  const { param, loop, chunk, expr } = shape;
  const annotated = parameterAnnotation(param) !== null;
  file.replace(param, annotated ? `${chunk}: bytes` : chunk);
  const returns = def.childForFieldName("return_type");
  if (returns) file.replace(returns, "bytes");
  file.replace(loop, `return ${expr.text}`);
}

interface Shape {
  param: Node;
  loop: Node;
  chunk: string;
  expr: Node;
}

/** `lambda chunks: (expr for c in chunks)`; "migrated" for a lambda that is not a generator. */
function lambdaShape(lambda: Node): { chunk: string; expr: Node } | "migrated" | null {
  const params = lambda.childForFieldName("parameters")?.namedChildren ?? [];
  let body = lambda.childForFieldName("body");
  while (body?.type === "parenthesized_expression" && body.namedChildCount === 1) body = body.namedChild(0);
  if (!body) return null;
  if (body.type !== "generator_expression") return isIterating(body) ? null : "migrated";
  if (params.length !== 1 || params[0].type !== "identifier") return null;
  const clauses = body.namedChildren.filter((c) => c.type !== "comment");
  const [expr, clause] = [clauses[0], clauses[1]];
  if (clauses.length !== 2 || clause.type !== "for_in_clause") return null;
  const left = clause.childForFieldName("left");
  const right = clause.childForFieldName("right");
  if (left?.type !== "identifier" || right?.type !== "identifier" || right.text !== params[0].text) return null;
  if (mentions(expr, params[0].text)) return null;
  return { chunk: left.text, expr };
}

/** The function a stream value names: a function in scope, or self.<method> of the enclosing class. */
function functionOf(file: SourceFile, value: Node): { def: Node; isMethod: boolean } | null {
  if (value.type === "identifier") {
    const b = soleBinding(file, value);
    const def = b?.kind === "definition" ? b.node.parent : null;
    return def?.type === "function_definition" ? { def, isMethod: false } : null;
  }
  const obj = objectOf(value);
  if (obj?.type !== "identifier" || obj.text !== "self") return null;
  let cls: Node | null = value.parent;
  while (cls && cls.type !== "class_definition") cls = cls.parent;
  if (!cls) return null;
  const def = methodsOf(cls).find((m) => m.childForFieldName("name")!.text === attributeName(value));
  return def ? { def, isMethod: true } : null;
}

/** The COND of P7-01: the whole body is `for c in <param>: yield <expr>`. */
function defShape(def: Node, isMethod: boolean): Shape | "migrated" | string {
  const params = parametersOf(def);
  const param = params[isMethod ? 1 : 0];
  if (def.parent?.type === "decorated_definition") return "The function is decorated.";
  if (params.length !== (isMethod ? 2 : 1) || !param || !parameterName(param) || param.type.includes("default")) {
    return "The function does not take exactly one argument.";
  }
  const name = parameterName(param)!.text;
  const stmts = bodyStatements(def).filter((s, i) => !(i === 0 && isFiller(s)));
  if (!containsYield(def) && !stmts.some((s) => s.type === "return_statement" && isIterating(s.namedChild(0)))) return "migrated";
  const loop = stmts[0];
  if (stmts.length !== 1 || loop.type !== "for_statement" || loop.childForFieldName("alternative")) {
    return "Its body is not a single `for chunk in chunks: yield …` loop.";
  }
  const left = loop.childForFieldName("left");
  const right = loop.childForFieldName("right");
  const inner = bodyStatements(loop);
  const yieldNode = inner.length === 1 && inner[0].type === "expression_statement" ? inner[0].namedChild(0) : null;
  const expr = yieldNode?.type === "yield" && !yieldNode.children.some((c) => c.type === "from") ? yieldNode.namedChild(0) : null;
  if (left?.type !== "identifier" || right?.type !== "identifier" || right.text !== name || !expr) {
    return "Its body is not a single `for chunk in chunks: yield …` loop.";
  }
  if (mentions(expr, name)) return "The yielded value uses the chunk iterator.";
  if (loop.descendantsOfType("comment").length > 0) return "The loop contains comments that would be lost.";
  return { param, loop, chunk: left.text, expr };
}

/** Are all references to the function `.stream = <it>` assignments? */
function onlyStreamUses(file: SourceFile, def: Node, isMethod: boolean): boolean {
  const name = def.childForFieldName("name")!.text;
  const isStreamValue = (n: Node) => {
    const a = n.parent;
    return a?.type === "assignment" && a.childForFieldName("right")?.id === n.id && attributeName(a.childForFieldName("left")!) === "stream";
  };
  if (isMethod) {
    return file.nodes("attribute").filter((a) => attributeName(a) === name).every(isStreamValue);
  }
  const scope = file.scopes.scopeOf(def);
  return file.scopes.references(scope, name).every(isStreamValue);
}

function containsYield(def: Node): boolean {
  const body = def.childForFieldName("body")!;
  return body.descendantsOfType("yield").some((y) => {
    for (let p = y.parent; p && p.id !== def.id; p = p.parent) if (p.type === "function_definition" || p.type === "lambda") return false;
    return true;
  });
}

/** A generator expression, or map()/filter()/iter() over something: the mitmproxy 6 shape. */
function isIterating(node: Node | null): boolean {
  if (!node) return false;
  if (node.type === "generator_expression") return true;
  if (node.type === "call") {
    const fn = node.childForFieldName("function");
    return fn?.type === "identifier" && ["map", "filter", "iter"].includes(fn.text);
  }
  return false;
}

