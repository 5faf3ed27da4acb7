// H7-08, W7-01..W7-08: the websocket hooks keep their names, but since mitmproxy 7 their
// argument is the HTTPFlow of the handshake; the WebSocket state moved to flow.websocket.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { attributeName, attributeNode, isAssignmentTarget, parentAttribute, stringValue } from "../../src/syntax.js";
import { Prec, fitExpression } from "../../src/precedence.js";
import { literalAt } from "../../src/quotes.js";
import { wsFlowParams } from "../shared/websocket.js";

/** W7-07: what v6 computed from the handshake (v6.0.2:mitmproxy/net/websocket.py). */
const HANDSHAKE_HEADERS: Record<string, [string, string]> = {
  client_key: ["request", "sec-websocket-key"],
  client_protocol: ["request", "sec-websocket-protocol"],
  client_extensions: ["request", "sec-websocket-extensions"],
  server_accept: ["response", "sec-websocket-accept"],
  server_protocol: ["response", "sec-websocket-protocol"],
  server_extensions: ["response", "sec-websocket-extensions"],
};

const MOVED_TO_WEBSOCKET = new Set(["messages", "close_code", "close_reason"]);

const CLOSE_SENDER =
  "WebSocketFlow.close_sender was removed in mitmproxy 7; use flow.websocket.closed_by_client (True or False once closed, None while open).";
const CLOSE_MESSAGE =
  "WebSocketFlow.close_message was removed in mitmproxy 7 (mitmproxy 6 never filled it in); use flow.websocket.close_reason for the reason sent with the close frame.";
const STREAM =
  "WebSocket streaming (flow.stream, option stream_websockets) was removed in mitmproxy 7; messages are always relayed one by one through websocket_message.";

export default defineTransform({
  id: "v7/websocket-flow",
  catalog: ["H7-08", "W7-01", "W7-02", "W7-03", "W7-04", "W7-05", "W7-06", "W7-07", "W7-08"],
  title: "websocket hooks: flow.messages → flow.websocket.messages, handshake_flow → flow, …",
  safety: "safe",
  description:
    "websocket_start/message/end keep their names in mitmproxy 7, but receive the HTTPFlow of the handshake " +
    "instead of a WebSocketFlow. Inside those hooks, attributes of the flow parameter are rewritten: messages, " +
    "close_code and close_reason move to flow.websocket; handshake_flow is the flow itself; ended becomes " +
    "flow.websocket.timestamp_end is not None; close_sender compared with \"client\"/\"server\" becomes " +
    "flow.websocket.closed_by_client; client_key and the other handshake properties read the Sec-WebSocket-* " +
    "headers. close_message, streaming and other uses of close_sender are reported.",
  needs: ["websocket_start", "websocket_message", "websocket_end"],
  run(file) {
    for (const p of wsFlowParams(file)) {
      for (const use of p.uses) {
        const attr = parentAttribute(use);
        if (attr) rewriteAttribute(file, use, attr);
      }
    }
  },
});

function rewriteAttribute(file: SourceFile, flow: Node, attr: Node): void {
  const name = attributeName(attr)!;
  const nameNode = attributeNode(attr)!;
  const f = flow.text;
  const target = isAssignmentTarget(attr);
  if (MOVED_TO_WEBSOCKET.has(name)) {
    file.replace(nameNode, `websocket.${name}`); // W7-01, W7-03
  } else if (name === "handshake_flow") {
    if (target) file.report(attr, "W7-02", `WebSocketFlow.handshake_flow was removed in mitmproxy 7; the flow passed to the websocket hooks is the handshake flow itself. Assigning to ${f}.handshake_flow has no equivalent.`);
    else file.replace(attr, f); // W7-02
  } else if (name === "ended") {
    if (target) {
      file.report(attr, "W7-06", `WebSocketFlow.ended was removed in mitmproxy 7; the connection is closed when ${f}.websocket.timestamp_end is set. Assigning to ${f}.ended has no equivalent.`);
    } else if (attr.parent?.type === "not_operator") {
      // `not flow.ended` → `flow.websocket.timestamp_end is None` (as the maintainers wrote it)
      const not = attr.parent;
      file.replace(not, fitExpression(not, `${f}.websocket.timestamp_end is None`, Prec.comparison));
    } else {
      file.replace(attr, fitExpression(attr, `${f}.websocket.timestamp_end is not None`, Prec.comparison));
    }
  } else if (name in HANDSHAKE_HEADERS) {
    const [message, header] = HANDSHAKE_HEADERS[name];
    const lit = literalAt(attr, header);
    if (target || !lit) file.report(attr, "W7-07", `WebSocketFlow.${name} was removed in mitmproxy 7; ${target ? "set" : "read"} the "${header}" header of ${f}.${message} instead.`);
    else file.replace(attr, `${f}.${message}.headers.get(${lit})`);
  } else if (name === "close_sender") {
    rewriteCloseSender(file, f, attr);
  } else if (name === "close_message") {
    file.report(attr, "W7-05", CLOSE_MESSAGE);
  } else if (name === "stream") {
    file.report(attr, "W7-08", STREAM);
  }
}

/** W7-04: `<f>.close_sender == "client"` and the like; anything else is reported. */
function rewriteCloseSender(file: SourceFile, f: string, attr: Node): void {
  const cmp = attr.parent;
  const operands = cmp?.type === "comparison_operator" ? cmp.namedChildren.filter((c) => c.type !== "comment") : [];
  const ops = cmp?.type === "comparison_operator" ? cmp.children.filter((c) => !c.isNamed).map((c) => c.text) : [];
  if (cmp && operands.length === 2 && ops.length === 1 && (ops[0] === "==" || ops[0] === "!=")) {
    const other = operands[0].id === attr.id ? operands[1] : operands[0];
    const sender = stringValue(other);
    if (sender === "client" || sender === "server") {
      const byClient = `${f}.websocket.closed_by_client`;
      const equal = ops[0] === "==";
      const wanted = sender === "client";
      // closed_by_client is True/False once closed and None while open.
      const expr = isBooleanContext(cmp) && wanted
        ? { text: equal ? byClient : `not ${byClient}`, level: equal ? Prec.primary : Prec.not }
        : { text: `${byClient} ${equal ? "is" : "is not"} ${wanted ? "True" : "False"}`, level: Prec.comparison };
      file.replace(cmp, fitExpression(cmp, expr.text, expr.level));
      return;
    }
  }
  file.report(attr, "W7-04", `${CLOSE_SENDER} Only comparisons with the literals "client" and "server" are rewritten.`);
}

/** Is the value of `node` only tested for truth (if/while/assert condition, and/or/not operand)? */
function isBooleanContext(node: Node): boolean {
  const p = node.parent;
  if (!p) return false;
  switch (p.type) {
    case "if_statement":
    case "elif_clause":
    case "while_statement":
      return p.childForFieldName("condition")?.id === node.id;
    case "assert_statement":
      return p.namedChildren[0]?.id === node.id;
    case "not_operator":
      return true;
    case "boolean_operator":
      return isBooleanContext(p);
    case "conditional_expression": {
      const parts = p.namedChildren.filter((c) => c.type !== "comment");
      return parts[1]?.id === node.id;
    }
    case "parenthesized_expression":
      return isBooleanContext(p);
  }
  return false;
}
