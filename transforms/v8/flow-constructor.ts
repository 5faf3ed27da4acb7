// F8-02, F8-03: mitmproxy 8.1 reshaped Flow: Flow(type, client_conn, server_conn, live) became
// Flow(client_conn, server_conn, live=False) with a read-only type, HTTPFlow lost its `mode`
// argument, and HTTPFlow.mode became a deprecated property.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { ancestor, argumentsOf, attributeName, isAssignmentTarget } from "../../src/syntax.js";
import { parameterAt } from "../../src/refactor.js";
import { parameterName } from "../../src/addons.js";

const HTTP_FLOW = "mitmproxy.http.HTTPFlow";
const FLOW = "mitmproxy.flow.Flow";
/** Hooks whose first argument is a flow. */
const FLOW_HOOKS = [
  "request", "requestheaders", "response", "responseheaders", "error", "http_connect", "http_connect_upstream",
  "websocket_start", "websocket_message", "websocket_end", "tcp_start", "tcp_message", "tcp_error", "tcp_end",
];
const HTTP_HOOKS = FLOW_HOOKS.slice(0, 10);

export default defineTransform({
  id: "v8/flow-constructor",
  catalog: ["F8-02", "F8-03"],
  title: "HTTPFlow(c, s, live, mode) → HTTPFlow(c, s, live); report Flow(type, …), flow.type = …, flow.mode",
  safety: "safe",
  description:
    "mitmproxy 8.1 removed HTTPFlow's own constructor: the `mode` argument (4th positional or keyword) is " +
    "dropped with a note. Flow(type, client_conn, server_conn, live) became Flow(client_conn, server_conn, " +
    "live=False) and Flow.type became read-only: direct Flow(...) constructions and assignments to a hook " +
    "flow's .type are reported. HTTPFlow.mode became a deprecated property that says \"regular\" whatever the " +
    "proxy mode (already meaningless since 7): reads in HTTP hooks are reported.",
  needs: ["HTTPFlow", "Flow", "mode", "type"],
  run(file) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      if (q === HTTP_FLOW) dropMode(file, call);
      else if (q === FLOW || isSuperInitOfFlowSubclass(file, call)) {
        file.report(
          call,
          "F8-02",
          "Flow(type, client_conn, server_conn, live=None) became Flow(client_conn, server_conn, live=False) in mitmproxy 8.1, " +
            "and Flow.type is read-only (a class attribute). Construct a concrete flow class, e.g. http.HTTPFlow(client_conn, server_conn).",
        );
      }
    }
    for (const hook of file.addons.hooksNamed(...FLOW_HOOKS)) {
      const param = parameterAt(hook.def, 0, hook.owner !== null);
      const name = param ? parameterName(param)?.text : null;
      if (!name) continue;
      for (const attr of hook.def.descendantsOfType("attribute")) {
        const obj = attr.childForFieldName("object");
        if (obj?.type !== "identifier" || obj.text !== name) continue;
        if (file.scopes.resolveIdentifier(obj) !== file.scopes.scopeFor(hook.def)) continue;
        const member = attributeName(attr);
        if (member === "type" && isAssignmentTarget(attr)) {
          file.report(attr, "F8-02", "Flow.type is read-only since mitmproxy 8.1 (a property, a class attribute from 9.0); it cannot be assigned.");
        } else if (member === "mode" && HTTP_HOOKS.includes(hook.name)) {
          file.report(
            attr,
            "F8-03",
            "flow.mode no longer reflects the proxy mode (always \"regular\" since mitmproxy 7) and is a deprecated property since 8.1; " +
              "use flow.client_conn.proxy_mode (mitmproxy ≥9), e.g. flow.client_conn.proxy_mode.type_name.",
            { restates: ["P7-02"] },
          );
        }
      }
    }
  },
});

function dropMode(file: SourceFile, call: Node): void {
  const args = argumentsOf(call);
  if (!args.node) return;
  const all = args.node.namedChildren.filter((c) => c.type !== "comment");
  const mode = args.keywords.get("mode") ?? args.positional[3] ?? null;
  if (!mode) return;
  if (args.splat || args.positional.length > 4) {
    file.report(call, "F8-02", "HTTPFlow takes (client_conn, server_conn, live=False) since mitmproxy 8.1; remove the mode argument.");
    return;
  }
  const i = all.findIndex((a) => a.id === mode.id);
  if (i <= 0) return;
  file.remove({ start: all[i - 1].endIndex, end: mode.endIndex });
  file.note(
    call,
    "F8-02",
    `HTTPFlow has no mode argument since mitmproxy 8.1; the argument ${mode.text} was dropped (a flow's proxy mode is client_conn.proxy_mode in mitmproxy ≥9).`,
  );
}

/** `super().__init__(…)` in a class that derives from mitmproxy.flow.Flow. */
function isSuperInitOfFlowSubclass(file: SourceFile, call: Node): boolean {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "attribute" || attributeName(fn) !== "__init__") return false;
  const obj = fn.childForFieldName("object");
  if (obj?.type !== "call" || obj.childForFieldName("function")?.text !== "super") return false;
  const cls = ancestor(call, "class_definition");
  const bases = cls?.childForFieldName("superclasses")?.namedChildren ?? [];
  return bases.some((b) => file.imports.resolve(b) === FLOW);
}
