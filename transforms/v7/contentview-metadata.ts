// V7-02, V7-04: the metadata a content view receives. mitmproxy 6 called
// view(data, headers=…, trailers=…, query=…, message=…, flow=…); mitmproxy 7 calls
// view(data, content_type=…, flow=…, http_message=…). get_tcp_content_view gained a flow argument.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { methodsOf, parameterName, parametersOf } from "../../src/addons.js";
import { argumentsOf, attributeName, contains, objectOf, stringValue } from "../../src/syntax.js";
import { isFreeIn, parameterUses } from "../../src/refactor.js";
import { Prec, fitExpression } from "../../src/precedence.js";
import { viewClasses } from "../shared/contentviews.js";
import { unparenthesized } from "../../src/nodes.js";

const MESSAGE =
  "View.__call__ receives content_type, flow and http_message as keyword arguments since mitmproxy 7; the headers, trailers, query and message keys are gone.";
const TCP_VIEW =
  "get_tcp_content_view(viewname, data) takes the flow as a third argument in mitmproxy 7 and was removed in mitmproxy 9; call the view yourself: contentviews.get(name)(data, flow=flow) on mitmproxy 9–11, contentviews.registry[name.lower()].prettify(data, contentviews.Metadata(flow=flow)) on 12.";

const NEW_PARAMS = "*, content_type=None, flow=None, http_message=None, **unknown_metadata";

/** What a v6 metadata key is in mitmproxy 7: the expression, and the tests for "present" and "absent". */
const KEYS: Record<string, { expr: string; present: string; absent: string }> = {
  flow: { expr: "flow", present: "flow is not None", absent: "flow is None" },
  message: { expr: "http_message", present: "http_message is not None", absent: "http_message is None" },
  headers: { expr: "http_message.headers", present: "http_message is not None", absent: "http_message is None" },
  trailers: { expr: "http_message.trailers", present: "http_message is not None", absent: "http_message is None" },
  query: { expr: "http_message.query", present: "isinstance(http_message, REQUEST)", absent: "not isinstance(http_message, REQUEST)" },
};

export default defineTransform({
  id: "v7/contentview-metadata",
  catalog: ["V7-02", "V7-04"],
  title: "def __call__(self, data, **metadata): metadata[\"headers\"] → http_message.headers, …",
  safety: "safe",
  description:
    "mitmproxy 7 passes content views the keyword arguments content_type, flow and http_message instead of the " +
    "metadata keys headers, trailers, query, message and flow. In a View subclass whose __call__(self, data, " +
    "**metadata) only reads those keys (metadata[\"k\"], metadata.get(\"k\", default), \"k\" in metadata), the " +
    "signature becomes __call__(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata) " +
    "and each read becomes flow, http_message, http_message.headers/.trailers or, for requests only, " +
    "http_message.query, guarded against None where the old code expected a missing key. Other uses of the " +
    "metadata are reported, as are calls of get_tcp_content_view (V7-04).",
  needs: ["metadata", "View", "contentviews", "get_tcp_content_view"],
  run(file) {
    for (const cls of viewClasses(file)) {
      const call = methodsOf(cls).find((m) => m.childForFieldName("name")!.text === "__call__");
      if (call) rewriteCall(file, call);
    }
    for (const call of file.nodes("call")) {
      const q = file.imports.resolve(call.childForFieldName("function"));
      if (q === "mitmproxy.contentviews.get_tcp_content_view") file.report(call, "V7-04", TCP_VIEW);
    }
  },
});

interface Access {
  /** The node to replace. */
  node: Node;
  key: string;
  kind: "index" | "get" | "in" | "not in";
  fallback: Node | null;
}

function rewriteCall(file: SourceFile, def: Node): void {
  const params = parametersOf(def);
  const splat = params[params.length - 1];
  if (params.length !== 3 || splat?.type !== "dictionary_splat_pattern") return;
  if (!["identifier", "typed_parameter"].includes(params[1].type) || parameterName(params[0])?.text !== "self") return;
  const metadata = splat.namedChildren.find((c) => c.type === "identifier");
  if (!metadata) return;
  const uses = parameterUses(file, def, metadata.text);
  const accesses: Access[] = [];
  const other: Node[] = [];
  for (const u of uses) {
    const a = accessOf(u);
    if (a && a.key in KEYS) accesses.push(a);
    else if (!isForwarded(u)) other.push(u);
  }
  if (accesses.length === 0 && other.every((u) => !accessOf(u))) {
    // Only forwarded (**metadata) or not used as a mapping: mitmproxy 7's keywords pass through.
    for (const u of other) file.report(u, "V7-02", `${MESSAGE} Check how this use of ${metadata.text} reads the metadata.`);
    return;
  }
  // metadata.get("message", metadata["flow"]): an access inside another one cannot be rewritten in one go.
  const nested = accesses.filter((a) => accesses.some((b) => b !== a && contains(b.node, a.node)));
  const unmapped = [...other, ...uses.filter((u) => isForwarded(u)), ...nested.map((a) => a.node)];
  if (unmapped.length > 0) {
    // The flow key still exists in mitmproxy 7 (**metadata collects the keyword); the others do not.
    for (const a of accesses) {
      if (a.key !== "flow") file.report(a.node, "V7-02", `${MESSAGE} Not rewritten: ${metadata.text} is also used in ways that cannot be mapped.`);
    }
    for (const u of other) {
      const a = accessOf(u);
      const why = a ? `The key "${a.key}" has no mitmproxy 7 equivalent.` : `This use of ${metadata.text} cannot be mapped.`;
      file.report(a?.node ?? u, "V7-02", `${MESSAGE} ${why}`);
    }
    return;
  }
  // The new parameter names must not capture anything the method already uses, except a
  // local that is only `flow = metadata.get("flow")` (which becomes redundant and goes away).
  const redundant = new Map<number, Node>(); // access node id → statement to remove
  for (const a of accesses) {
    const stmt = selfAssignment(a);
    if (stmt) redundant.set(a.node.id, stmt);
  }
  const scope = file.scopes.scopeFor(def)!;
  for (const name of ["content_type", "flow", "http_message", "unknown_metadata"]) {
    if (isFreeIn(file, def, name)) continue;
    const bindings = scope.bindings.get(name) ?? [];
    const onlyRedundant = bindings.length === 1 && [...redundant.values()].some((s) => s.namedChild(0)!.childForFieldName("left")!.id === bindings[0].node.id);
    if (!onlyRedundant) {
      file.report(def.childForFieldName("name")!, "V7-02", `${MESSAGE} The method already uses the name '${name}'; rename it, then run the tool again.`);
      return;
    }
  }
  const request = accesses.some((a) => a.key === "query") ? file.imports.reach("mitmproxy.http.Request", def) : "";
  if (request === null) {
    file.report(def.childForFieldName("name")!, "V7-02", `${MESSAGE} The name needed for http.Request is taken here.`);
    return;
  }
  file.replace(splat, NEW_PARAMS);
  for (const a of accesses) {
    const stmt = redundant.get(a.node.id);
    if (stmt) {
      file.imports.removeStatement(stmt);
      continue;
    }
    const { expr } = KEYS[a.key];
    const present = KEYS[a.key].present.replace("REQUEST", request);
    const absent = KEYS[a.key].absent.replace("REQUEST", request);
    if (a.kind === "in") file.replace(a.node, fitExpression(a.node, present, a.key === "query" ? Prec.primary : Prec.comparison));
    else if (a.kind === "not in") file.replace(a.node, fitExpression(a.node, absent, a.key === "query" ? Prec.not : Prec.comparison));
    else if (a.kind === "index" && a.key !== "query") file.replace(a.node, expr);
    else {
      const fallback = a.fallback ? unparenthesized(a.fallback).text : "None";
      const plain = (a.key === "flow" || a.key === "message") && fallback === "None";
      if (plain) file.replace(a.node, expr);
      else file.replace(a.node, readable(a.node, `${expr} if ${present} else ${fallback}`));
    }
  }
}

/** A conditional expression at `node`, in parentheses unless it stands alone (assignment, return, argument). */
function readable(node: Node, conditional: string): string {
  const alone = ["assignment", "return_statement", "argument_list", "keyword_argument", "parenthesized_expression"];
  const p = node.parent;
  const bare = p && alone.includes(p.type) && (p.type !== "assignment" || p.childForFieldName("right")?.id === node.id);
  return bare ? fitExpression(node, conditional, Prec.conditional) : `(${conditional})`;
}

/** metadata["k"], metadata.get("k"[, default]), "k" in metadata, "k" not in metadata. */
function accessOf(use: Node): Access | null {
  const p = use.parent;
  if (!p) return null;
  if (p.type === "subscript" && p.childForFieldName("value")?.id === use.id) {
    const idx = p.childrenForFieldName("subscript");
    const key = idx.length === 1 ? stringValue(idx[0]) : null;
    return key === null ? { node: p, key: "", kind: "index", fallback: null } : { node: p, key, kind: "index", fallback: null };
  }
  if (p.type === "attribute" && objectOf(p)?.id === use.id && attributeName(p) === "get" && p.parent?.type === "call") {
    const call = p.parent;
    const args = argumentsOf(call);
    const key = args.positional.length >= 1 && args.positional.length <= 2 && args.keywords.size === 0 ? stringValue(args.positional[0]) : null;
    return { node: call, key: key ?? "", kind: "get", fallback: args.positional[1] ?? null };
  }
  if (p.type === "comparison_operator") {
    const operands = p.namedChildren.filter((c) => c.type !== "comment");
    const ops = p.children.filter((c) => !c.isNamed).map((c) => c.type);
    if (operands.length === 2 && operands[1].id === use.id && (ops[0] === "in" || ops[0] === "not in")) {
      return { node: p, key: stringValue(operands[0]) ?? "", kind: ops[0] as "in" | "not in", fallback: null };
    }
  }
  return null;
}

/** `**metadata` passed on to another call. */
function isForwarded(use: Node): boolean {
  return use.parent?.type === "dictionary_splat" && use.parent.parent?.type === "argument_list";
}

/** `flow = metadata.get("flow")` / `http_message = metadata["message"]`: the statement, when it would become `x = x`. */
function selfAssignment(a: Access): Node | null {
  const assignment = a.node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("right")?.id !== a.node.id) return null;
  const stmt = assignment.parent;
  if (stmt?.type !== "expression_statement") return null;
  const left = assignment.childForFieldName("left");
  const target = KEYS[a.key].expr;
  const plain = a.kind === "index" || (a.kind === "get" && (!a.fallback || unparenthesized(a.fallback).type === "none"));
  return plain && left?.type === "identifier" && left.text === target ? stmt : null;
}
