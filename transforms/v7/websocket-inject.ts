// W7-09: WebSocketFlow.inject_message(endpoint, payload) became the inject.websocket command.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { literalAt } from "../../src/quotes.js";
import { argumentsOf, attributeName, isBytesLiteral, objectOf } from "../../src/syntax.js";

import { isFlowExpr } from "../shared/flows.js";
import { wsFlowIds } from "../shared/websocket.js";
import { unparenthesized, isNameChain } from "../../src/nodes.js";

const MESSAGE =
  "WebSocketFlow.inject_message() was removed in mitmproxy 7; use ctx.master.commands.call(\"inject.websocket\", flow, to_client, payload_bytes, is_text).";

export default defineTransform({
  id: "v7/websocket-inject",
  catalog: ["W7-09"],
  title: "flow.inject_message(flow.client_conn, msg) → ctx.master.commands.call(\"inject.websocket\", …)",
  safety: "safe",
  description:
    "mitmproxy 7 replaced WebSocketFlow.inject_message(endpoint, payload) with the inject.websocket command " +
    "(flow, to_client, message: bytes, is_text). A call whose endpoint is literally <f>.client_conn or " +
    "<f>.server_conn is rewritten: a str literal payload is encoded and sent as text, a bytes literal as binary, " +
    "and a plain name is encoded when it is a str, as mitmproxy 6 did. Other calls are reported.",
  needs: ["inject_message"],
  run(file) {
    const wsFlows = wsFlowIds(file);
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      if (attributeName(fn) !== "inject_message") continue;
      const flow = objectOf(fn)!;
      if (file.imports.resolve(flow) !== null) continue; // a module function, not a flow method
      // A WebSocketFlow: the flow of a ws hook, a flow by the hook/annotation rules, or a call
      // whose first argument is one of the flow's connections.
      const first = argumentsOf(call).positional[0];
      const endpoint = first ? attributeName(unparenthesized(first)) : null;
      const isWsFlow = (flow.type === "identifier" && wsFlows.has(flow.id)) || isFlowExpr(file, flow) || endpoint === "client_conn" || endpoint === "server_conn";
      if (isWsFlow) inject(file, call, flow);
    }
  },
});

function inject(file: SourceFile, call: Node, flow: Node): void {
  const args = argumentsOf(call);
  const cannot = (why: string) => file.report(call, "W7-09", `${MESSAGE} ${why}`);
  if (!isNameChain(flow)) return cannot("The flow is not a plain name or attribute, so it cannot be repeated safely.");
  if (args.splat || args.keywords.size > 0 || args.positional.length !== 2) return cannot("Only calls with two positional arguments are rewritten.");
  const [endpoint, payload] = args.positional;
  const ep = unparenthesized(endpoint);
  const side = ep.type === "attribute" && objectOf(ep)!.text === flow.text ? attributeName(ep) : null;
  if (side !== "client_conn" && side !== "server_conn") {
    return cannot(`The endpoint must be ${flow.text}.client_conn or ${flow.text}.server_conn to know the direction.`);
  }
  const toClient = side === "client_conn" ? "True" : "False";
  const p = unparenthesized(payload);
  let message: string;
  let isText: string;
  if (p.type === "string" && isBytesLiteral(p)) {
    message = p.text;
    isText = "False";
  } else if (p.type === "string") {
    message = asBytes(p);
    isText = "True";
  } else if (p.type === "identifier") {
    message = `${p.text}.encode() if isinstance(${p.text}, str) else ${p.text}`;
    isText = `isinstance(${p.text}, str)`;
  } else {
    return cannot("The payload is neither a literal nor a plain name; pass bytes and is_text explicitly.");
  }
  const command = literalAt(call, "inject.websocket");
  if (!command) return cannot("The call is inside an f-string.");
  const ctx = file.imports.reach("mitmproxy.ctx", call);
  if (!ctx) return cannot("The name 'ctx' is taken here.");
  file.replace(call, `${ctx}.master.commands.call(${command}, ${flow.text}, ${toClient}, ${message}, ${isText})`);
}

/** A str literal as bytes: a b"…" literal when it is plain ASCII, else "….encode()". */
function asBytes(lit: Node): string {
  const start = lit.namedChildren.find((c) => c.type === "string_start")?.text ?? "";
  const prefix = start.replace(/["']/g, "");
  const plain = /^[rR]?$/.test(prefix);
  const ascii = /^[\x20-\x7e\t]*$/.test(lit.text) && !/\\[NuU]/.test(lit.text);
  if (plain && ascii) return `${prefix}b${lit.text.slice(prefix.length)}`;
  return `${lit.text}.encode()`;
}
