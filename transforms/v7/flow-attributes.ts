// P7-02..P7-05: flow and message attributes that changed meaning in mitmproxy 7:
// flow.mode, Message.encode(e=…), flow.marked (bool → str), flow.live (layer → bool).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { literalAt } from "../../src/quotes.js";
import { argumentsOf, attributeName, callOf, isAssignmentTarget, objectOf, parentAttribute } from "../../src/syntax.js";
import { isFlowExpr } from "../shared/flows.js";
import { unparenthesized } from "../../src/nodes.js";

const MODE =
  "flow.mode no longer reflects the proxy mode (always \"regular\" since mitmproxy 7); use flow.client_conn.proxy_mode (mitmproxy ≥9).";
const LIVE =
  "flow.live is a boolean since mitmproxy 8 (None in 7); to change the upstream proxy set flow.server_conn.via (see examples/contrib/change_upstream_proxy.py).";
const MARKED =
  "flow.marked is a str since mitmproxy 7 (\"\" = unmarked, \":default:\" = the default marker), not a bool.";

/** Methods of the mitmproxy 6 protocol layer that flow.live pointed to. */
const LAYER_METHODS = new Set(["change_upstream_proxy_server", "set_server"]);

export default defineTransform({
  id: "v7/flow-attributes",
  catalog: ["P7-02", "P7-03", "P7-04", "P7-05"],
  title: "flow.marked = True → \":default:\"; message.encode(e=…) → encode(encoding=…); flow.mode / flow.live reported",
  safety: "safe",
  description:
    "mitmproxy 7 made flow.marked a str marker: assigning True or False to the flow of a hook (or to a loop " +
    "variable over update()'s or a command's flows) becomes \":default:\" or \"\"; other boolean uses of marked are " +
    "reported. Message.encode(e=…) became encode(encoding=…). flow.mode (always \"regular\" since 7) and " +
    "flow.live.<method> (the protocol layer is gone) are reported.",
  needs: ["mode", "marked", "live", "encode"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      switch (attributeName(attr)) {
        case "mode":
          if (isFlowExpr(file, objectOf(attr)!)) file.report(attr, "P7-02", MODE);
          break;
        case "encode":
          encodeKeyword(file, attr);
          break;
        case "marked":
          marked(file, attr);
          break;
        case "live":
          live(file, attr);
          break;
      }
    }
  },
});

/** P7-03: message.encode(e="gzip") → message.encode(encoding="gzip"). str.encode has no `e`. */
function encodeKeyword(file: SourceFile, attr: Node): void {
  const call = callOf(attr);
  const e = call ? argumentsOf(call).keywords.get("e") : undefined;
  if (e) file.replace(e.childForFieldName("name")!, "encoding");
}

/** P7-04: assignments of True/False, and comparisons with them. */
function marked(file: SourceFile, attr: Node): void {
  const receiver = objectOf(attr)!;
  if (receiver.type === "identifier" && (receiver.text === "self" || receiver.text === "cls")) return;
  const p = attr.parent!;
  const isFlow = isFlowExpr(file, receiver);
  if (p.type === "assignment" && p.childForFieldName("left")?.id === attr.id) {
    // `= True`, `= False`, or a conditional expression whose results are True/False.
    const leaves = boolLeaves(p.childForFieldName("right")!);
    if (leaves === null) return;
    const literals = leaves.map((v) => literalAt(v, v.type === "true" ? ":default:" : ""));
    if (!isFlow || literals.some((l) => l === null)) {
      file.report(attr, "P7-04", `${MARKED} Assign ":default:" or "" if this is a flow.`);
      return;
    }
    leaves.forEach((v, i) => file.replace(v, literals[i]!));
    return;
  }
  if (p.type === "comparison_operator" && isFlow) {
    const others = p.namedChildren.filter((c) => c.id !== attr.id && c.type !== "comment").map((n) => unparenthesized(n));
    if (others.some((o) => o.type === "true" || o.type === "false")) {
      file.report(attr, "P7-04", `${MARKED} Test its truth (if flow.marked:) instead of comparing it with True/False.`);
    }
  }
}

/** P7-05: flow.live.<anything> (the mitmproxy 6 protocol layer). */
function live(file: SourceFile, attr: Node): void {
  const outer = parentAttribute(attr);
  if (!outer || isAssignmentTarget(attr)) return;
  if (isFlowExpr(file, objectOf(attr)!) || LAYER_METHODS.has(attributeName(outer)!)) {
    file.report(outer, "P7-05", LIVE);
  }
}

/** The True/False literals a value consists of (through conditional expressions), or null. */
function boolLeaves(node: Node): Node[] | null {
  const n = unparenthesized(node);
  if (n.type === "true" || n.type === "false") return [n];
  if (n.type !== "conditional_expression") return null;
  const parts = n.namedChildren.filter((c) => c.type !== "comment");
  const a = boolLeaves(parts[0]);
  const b = boolLeaves(parts[2]);
  return a && b ? [...a, ...b] : null;
}
