// "In a ws hook" (MIGRATIONS.md §2.E): inside websocket_start, websocket_message or
// websocket_end, where <f> is the first parameter. In mitmproxy 6 <f> is a WebSocketFlow;
// from 7 it is the HTTPFlow of the handshake, with the WebSocket state in <f>.websocket.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { attributeName, objectOf } from "../../src/syntax.js";
import { enclosingLoopIterable, firstParam, loopIterable, soleBinding, type HookParam } from "./bindings.js";
import { unparenthesized } from "../../src/nodes.js";

export const WS_HOOKS = ["websocket_start", "websocket_message", "websocket_end"] as const;

/** The flow parameter of every ws hook of the file (hooks whose parameter is rebound are left out). */
export function wsFlowParams(file: SourceFile): HookParam[] {
  const out: HookParam[] = [];
  for (const hook of file.addons.hooksNamed(...WS_HOOKS)) {
    const p = firstParam(file, hook);
    if (p) out.push(p);
  }
  return out;
}

/** Identifier node ids that stand for a ws hook's flow parameter. */
export function wsFlowIds(file: SourceFile): Set<number> {
  const ids = new Set<number>();
  for (const p of wsFlowParams(file)) for (const u of p.uses) ids.add(u.id);
  return ids;
}

/** Is `node` `<f>.messages` or `<f>.websocket.messages` for a ws hook's flow <f>? */
export function isMessageList(node: Node, flows: Set<number>): boolean {
  const n = unparenthesized(node);
  if (attributeName(n) !== "messages") return false;
  let obj = objectOf(n)!;
  if (attributeName(obj) === "websocket") obj = objectOf(obj)!;
  return obj.type === "identifier" && flows.has(obj.id);
}

/**
 * Is `node` a WebSocketMessage of a ws hook's flow: `<f>.messages[...]`, a local assigned once
 * from such an expression, or the target of `for m in <f>.messages`?
 */
export function isWsMessage(file: SourceFile, node: Node, flows: Set<number>, depth = 0): boolean {
  const n = unparenthesized(node);
  if (depth > 4) return false;
  if (n.type === "subscript") {
    const value = n.childForFieldName("value");
    // messages[-1] is a message; messages[1:] is a list.
    const index = n.childrenForFieldName("subscript");
    return !!value && index.length === 1 && index[0].type !== "slice" && isMessageList(value, flows);
  }
  if (n.type !== "identifier") return false;
  const b = soleBinding(file, n);
  if (!b) {
    const iterable = enclosingLoopIterable(file, n);
    return !!iterable && isMessageList(iterable, flows);
  }
  if (b.kind === "assignment" && b.value) return isWsMessage(file, b.value, flows, depth + 1);
  const iterable = b.kind === "other" ? loopIterable(b) : null;
  return !!iterable && isMessageList(iterable, flows);
}
