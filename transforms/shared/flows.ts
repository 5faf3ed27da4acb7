// "Is this expression a flow?" without types: the flow parameter of a flow hook, a parameter
// annotated with a flow class, or the loop variable over a sequence of flows (update(flows),
// a command taking `flows: typing.Sequence[flow.Flow]`).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { parameterName } from "../../src/addons.js";
import { parameterAnnotation } from "../../src/refactor.js";
import { HOOKS } from "../hooks.js";
import { enclosingLoopIterable, loopIterable, soleBinding } from "./bindings.js";
import { unparenthesized } from "../../src/nodes.js";

const FLOW_CLASSES = new Set([
  "mitmproxy.flow.Flow",
  "mitmproxy.http.HTTPFlow",
  "mitmproxy.tcp.TCPFlow",
  "mitmproxy.websocket.WebSocketFlow",
]);

/** Hooks whose first argument is a flow, in any version. */
const FLOW_HOOKS = new Set(
  Object.values(HOOKS).flatMap((hooks) => Object.entries(hooks).filter(([, args]) => args[0] === "flow").map(([name]) => name)),
);

export function isFlowExpr(file: SourceFile, node: Node): boolean {
  const n = unparenthesized(node);
  if (n.type !== "identifier") return false;
  const b = soleBinding(file, n);
  if (!b) {
    const iterable = enclosingLoopIterable(file, n);
    return !!iterable && isFlowSequence(file, iterable);
  }
  if (b.kind === "parameter") {
    const param = parameterOf(b.node);
    if (!param) return false;
    const annotation = parameterAnnotation(param);
    if (annotation) return annotationKind(file, annotation) === "flow";
    const def = enclosingDef(param);
    const hook = def ? file.addons.hooks().find((h) => h.def.id === def.id) : undefined;
    if (!hook || !FLOW_HOOKS.has(hook.name)) return false;
    const params = def!.childForFieldName("parameters")!.namedChildren;
    return params[hook.owner ? 1 : 0]?.id === param.id;
  }
  const iterable = b.kind === "other" ? loopIterable(b) : null;
  return !!iterable && isFlowSequence(file, iterable);
}

/** The flows parameter of update(), or a parameter annotated as a sequence of flows. */
function isFlowSequence(file: SourceFile, node: Node): boolean {
  const n = unparenthesized(node);
  if (n.type !== "identifier") return false;
  const b = soleBinding(file, n);
  if (b?.kind !== "parameter") return false;
  const param = parameterOf(b.node);
  if (!param) return false;
  const annotation = parameterAnnotation(param);
  if (annotation) return annotationKind(file, annotation) === "sequence";
  const def = enclosingDef(param);
  const hook = def ? file.addons.hooks().find((h) => h.def.id === def.id) : undefined;
  return hook?.name === "update";
}

/** "flow" for `x: http.HTTPFlow` (or Optional[...] of one), "sequence" for `Sequence[flow.Flow]` and the like. */
function annotationKind(file: SourceFile, type: Node): "flow" | "sequence" | null {
  let n = type.type === "type" ? type.namedChild(0) : type;
  if (!n) return null;
  const q = file.imports.resolve(n);
  if (q && FLOW_CLASSES.has(q)) return "flow";
  if (n.type === "generic_type" || n.type === "subscript") {
    const head = n.type === "subscript" ? n.childForFieldName("value") : n.namedChild(0);
    const name = head ? (file.imports.resolve(head) ?? head.text) : "";
    const inner = n.descendantsOfType(["identifier", "attribute"]).filter((i) => i.id !== head?.id);
    const hasFlow = inner.some((i) => FLOW_CLASSES.has(file.imports.resolve(i) ?? ""));
    if (!hasFlow) return null;
    if (/(^|\.)Optional$/.test(name)) return "flow";
    if (/(^|\.)(Sequence|List|Iterable|Collection|list|tuple|Tuple|Set|set)$/.test(name)) return "sequence";
  }
  return null;
}

function parameterOf(ident: Node): Node | null {
  let p: Node | null = ident;
  while (p && p.parent && p.parent.type !== "parameters") p = p.parent;
  return p?.parent?.type === "parameters" && parameterName(p)?.id === ident.id ? p : null;
}

function enclosingDef(param: Node): Node | null {
  const def = param.parent?.parent;
  return def?.type === "function_definition" ? def : null;
}
