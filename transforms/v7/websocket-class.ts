// M7-09, W7-14: mitmproxy 7 removed WebSocketFlow; a WebSocket connection is an HTTPFlow
// whose .websocket is set.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { ancestor, argumentsOf, attributeName, objectOf, stringValue, isWholeName } from "../../src/syntax.js";
import { Prec, fitExpression } from "../../src/precedence.js";

import { isFlowExpr } from "../shared/flows.js";
import { isNameChain } from "../../src/nodes.js";

const WSFLOW = "mitmproxy.websocket.WebSocketFlow";
const HTTPFLOW = "mitmproxy.http.HTTPFlow";
const MESSAGE =
  "mitmproxy.websocket.WebSocketFlow was removed in mitmproxy 7; a WebSocket connection is an http.HTTPFlow whose .websocket is set.";

export default defineTransform({
  id: "v7/websocket-class",
  catalog: ["M7-09", "W7-14"],
  title: "WebSocketFlow annotations → http.HTTPFlow; isinstance(f, WebSocketFlow) → isinstance(f, http.HTTPFlow) and f.websocket is not None",
  safety: "safe",
  description:
    "mitmproxy 7 folded WebSocketFlow into HTTPFlow (flow.websocket holds the WebSocket data, and such flows have " +
    "type \"http\"). Type annotations naming WebSocketFlow become http.HTTPFlow; isinstance(f, WebSocketFlow) and " +
    "f.type == \"websocket\" become `isinstance(f, http.HTTPFlow) and f.websocket is not None` when f is a plain name " +
    "or attribute. The import is removed once unused; other uses of WebSocketFlow are reported.",
  // WebSocketFlow by name, or a comparison with the "websocket" flow type.
  needs: ["WebSocketFlow", /["']websocket["']/],
  run(file) {
    let rewrote = false;
    for (const node of file.nodes(["identifier", "attribute"])) {
      if (!isWholeName(node) || file.imports.resolve(node) !== WSFLOW) continue;
      if (ancestor(node, "import_statement", "import_from_statement")) continue;
      if (ancestor(node, "type")) {
        rewrote = replaceWith(file, node, (h) => h) || rewrote;
      } else if (isInstanceCheck(file, node)) {
        rewrote = rewriteIsInstance(file, node) || rewrote;
      } else {
        file.report(node, "M7-09", `${MESSAGE} This use could not be rewritten.`);
      }
    }
    for (const cmp of file.nodes("comparison_operator")) rewrote = typeComparison(file, cmp) || rewrote;
    if (rewrote) {
      for (const imp of file.imports.all()) {
        if (imp.qualified === WSFLOW || imp.qualified === "mitmproxy.websocket") {
          // A use inside an isinstance() subject is copied into the new text, so it still counts.
          const copied = file.imports.uses(imp.local, imp.scope).some((u) => file.isEdited(u) && !isWebSocketFlowUse(file, u));
          if (!copied) file.imports.removeIfUnused(imp.local, imp.scope);
        }
      }
    }
  },
});

/** Is `ident` (a use of an import) the start of a reference to WebSocketFlow itself? */
function isWebSocketFlowUse(file: SourceFile, ident: Node): boolean {
  if (file.imports.resolve(ident) === WSFLOW) return true;
  const p = ident.parent;
  return p?.type === "attribute" && p.childForFieldName("object")?.id === ident.id && file.imports.resolve(p) === WSFLOW;
}

function replaceWith(file: SourceFile, node: Node, build: (http: string) => string): boolean {
  const http = file.imports.reach(HTTPFLOW, node);
  if (!http) {
    file.report(node, "M7-09", `${MESSAGE} The name needed for HTTPFlow is taken here; write http.HTTPFlow by hand.`);
    return false;
  }
  return file.replace(node, build(http));
}

function isInstanceCheck(file: SourceFile, node: Node): boolean {
  const call = node.parent?.parent;
  if (node.parent?.type !== "argument_list" || call?.type !== "call") return false;
  const fn = call.childForFieldName("function")!;
  return fn.type === "identifier" && fn.text === "isinstance" && file.scopes.resolveIdentifier(fn) === null;
}

/** isinstance(x, WebSocketFlow) → isinstance(x, http.HTTPFlow) and x.websocket is not None */
function rewriteIsInstance(file: SourceFile, node: Node): boolean {
  const call = node.parent!.parent!;
  const args = argumentsOf(call);
  const subject = args.positional[0];
  if (args.positional.length !== 2 || args.positional[1].id !== node.id || args.keywords.size > 0 || !isNameChain(subject)) {
    file.report(call, "W7-14", `${MESSAGE} Only isinstance(x, WebSocketFlow) with a plain name or attribute x is rewritten.`);
    return false;
  }
  const http = file.imports.reach(HTTPFLOW, call);
  if (!http) {
    file.report(call, "W7-14", `${MESSAGE} The name needed for HTTPFlow is taken here.`);
    return false;
  }
  const s = subject.text;
  return file.replace(call, fitExpression(call, `isinstance(${s}, ${http}) and ${s}.websocket is not None`, Prec.and));
}

/** W7-14: f.type == "websocket" (WebSocket flows have type "http" since mitmproxy 7). */
function typeComparison(file: SourceFile, cmp: Node): boolean {
  const operands = cmp.namedChildren.filter((c) => c.type !== "comment");
  const ops = cmp.children.filter((c) => !c.isNamed).map((c) => c.type);
  if (operands.length !== 2 || ops.length !== 1 || (ops[0] !== "==" && ops[0] !== "!=")) return false;
  const [a, b] = operands;
  const attr = stringValue(b) === "websocket" ? a : stringValue(a) === "websocket" ? b : null;
  if (!attr || attributeName(attr) !== "type") return false;
  const subject = objectOf(attr)!;
  if (!isNameChain(subject) || file.imports.resolve(subject) !== null) return false;
  if (!isFlowExpr(file, subject)) {
    file.report(cmp, "W7-14", `Flows of WebSocket connections have type "http" since mitmproxy 7, so this test is never true; if ${subject.text} is a flow, test isinstance(${subject.text}, http.HTTPFlow) and ${subject.text}.websocket is not None.`);
    return false;
  }
  const http = file.imports.reach(HTTPFLOW, cmp);
  if (!http) {
    file.report(cmp, "W7-14", `${MESSAGE} Flows of WebSocket connections have type "http"; the name needed for HTTPFlow is taken here.`);
    return false;
  }
  const s = subject.text;
  const test = `isinstance(${s}, ${http}) and ${s}.websocket is not None`;
  if (ops[0] === "==") return file.replace(cmp, fitExpression(cmp, test, Prec.and));
  return file.replace(cmp, fitExpression(cmp, `not (${test})`, Prec.not));
}
