// DEP12-08: WebSocketMessage.kill() is a deprecated alias of drop() (hidden warning) through 12.2.3.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, attributeNode, callOf, objectOf } from "../../src/syntax.js";

export default defineTransform({
  id: "v12/websocket-kill",
  catalog: ["DEP12-08"],
  title: "flow.websocket.messages[-1].kill() → .drop()",
  safety: "safe",
  description:
    "WebSocketMessage.kill() has been a deprecated alias of drop() since mitmproxy 7 and still warns invisibly at " +
    "12.2.3 (MIGRATIONS.md §9, W7-11). `.kill()` is renamed when the receiver is provably a WebSocket message: " +
    "`<expr>.websocket.messages[…]`, a name assigned once from such an expression, or the loop variable of " +
    "`for m in <expr>.websocket.messages`. Flow.kill() and other kill() calls are left alone.",
  needs: ["kill"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      if (attributeName(attr) !== "kill") continue;
      const call = callOf(attr);
      if (!call || argumentsOf(call).positional.length > 0 || argumentsOf(call).keywords.size > 0) continue;
      if (isWebSocketMessage(file, objectOf(attr)!)) file.replace(attributeNode(attr)!, "drop");
    }
  },
});

/** `<expr>.websocket.messages` */
function isMessageList(n: Node | null): boolean {
  return !!n && n.type === "attribute" && attributeName(n) === "messages" && attributeName(objectOf(n)!) === "websocket";
}

function isWebSocketMessage(file: SourceFile, n: Node): boolean {
  if (n.type === "subscript") {
    const slice = n.childrenForFieldName("subscript");
    return isMessageList(n.childForFieldName("value")) && slice.length === 1 && slice[0].type !== "slice";
  }
  if (n.type !== "identifier") return false;
  const scope = file.scopes.resolveIdentifier(n);
  const bindings = scope?.bindings.get(n.text);
  if (!bindings || bindings.length !== 1) return false;
  const b = bindings[0];
  if (b.kind === "assignment") return !!b.value && b.value.type === "subscript" && isWebSocketMessage(file, b.value);
  // for m in flow.websocket.messages (or a slice of it)
  const loop = b.node.parent;
  if (loop?.type !== "for_statement" || loop.childForFieldName("left")?.id !== b.node.id) return false;
  const right = loop.childForFieldName("right");
  return isMessageList(right) || (right?.type === "subscript" && isMessageList(right.childForFieldName("value")));
}
