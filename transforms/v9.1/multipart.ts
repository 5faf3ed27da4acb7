// N10-01: mitmproxy 10.0 replaced multipart.encode(headers, parts) / decode(content_type, content)
// by encode_multipart(content_type, parts) / decode_multipart(content_type, content). The old
// names remain as deprecated shims, and the decode shim is broken (it calls encode_multipart).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { applyMoves } from "../../src/moves.js";
import { argumentsOf, attributeName, stringValue } from "../../src/syntax.js";

const MODULE = "mitmproxy.net.http.multipart";
const NEW: Record<string, string> = { encode: "encode_multipart", decode: "decode_multipart" };
const MESSAGE = "multipart.encode/decode are deprecated shims since mitmproxy 10.0 (decode is broken: it calls encode_multipart).";

export default defineTransform({
  id: "v9.1/multipart",
  catalog: ["N10-01"],
  title: "multipart.decode(ct, c) → decode_multipart(ct, c); multipart.encode(headers, parts) → encode_multipart(headers.get(\"content-type\"), parts)",
  safety: "safe",
  description:
    "mitmproxy 10.0 renamed mitmproxy.net.http.multipart.encode/decode to encode_multipart/decode_multipart, " +
    "both taking the content type as a string; the old decode shim is broken (it calls encode_multipart). The " +
    "first argument is rewritten when its kind is visible: a Headers object (`<x>.headers`) becomes " +
    "`<x>.headers.get(\"content-type\")`, a string (a literal, or `headers.get(\"content-type\")` / " +
    "`headers[\"content-type\"]`) stays. Other first arguments are reported.",
  needs: ["multipart"],
  run(file) {
    const found: { call: Node; fn: Node; old: string; kind: Kind; first: Node }[] = [];
    const kindOf = (n: Node) => classify(file, n);
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      const old = q?.startsWith(MODULE + ".") ? q.slice(MODULE.length + 1) : null;
      if (old !== "encode" && old !== "decode") continue;
      const args = argumentsOf(call);
      const kind = args.positional.length === 2 && args.keywords.size === 0 && !args.splat ? kindOf(args.positional[0]) : "unknown";
      found.push({ call, fn, old, kind, first: args.positional[0] });
    }
    // A from-imported `decode` is renamed with its import: only when every use is a call we rewrite.
    const renamable = (fn: Node) =>
      fn.type === "attribute" ||
      file.imports.uses(fn.text, file.scopes.resolveIdentifier(fn) ?? undefined).every((u) =>
        found.some((f) => f.fn.id === u.id && f.kind !== "unknown"),
      );
    const moves = new Map<string, string>();
    for (const { call, fn, old, kind, first } of found) {
      if (kind === "unknown" || !renamable(fn)) {
        file.report(
          call,
          "N10-01",
          `${MESSAGE} Use multipart.${NEW[old]}(content_type, …) with the content type as a string (e.g. message.headers.get("content-type")).`,
        );
        continue;
      }
      if (kind === "headers") file.insert(first.endIndex, `.get("content-type")`);
      if (fn.type === "attribute") file.replace(fn.childForFieldName("attribute")!, NEW[old]);
      else moves.set(`${MODULE}.${old}`, `${MODULE}.${NEW[old]}`);
      if (kind === "headers" && old === "encode") {
        file.note(call, "N10-01", "encode_multipart returns b\"\" (not None) when the headers have no multipart content type.");
      }
    }
    if (moves.size > 0) applyMoves(file, [...moves].map(([from, to]) => ({ from, to })));
  },
});

type Kind = "headers" | "string" | "unknown";

/** Is the first argument a Headers object, a content-type string, or unknown? */
function classify(file: SourceFile, node: Node, depth = 0): Kind {
  if (stringValue(node) !== null) return "string";
  if (node.type === "identifier" && depth < 3) {
    // ctype = flow.request.headers.get("content-type"): a local name with one plain assignment.
    const bs = file.scopes.resolveIdentifier(node)?.bindings.get(node.text);
    if (bs?.length === 1 && bs[0].kind === "assignment" && bs[0].value) return classify(file, bs[0].value, depth + 1);
  }
  if (node.type === "attribute" && attributeName(node) === "headers") return "headers";
  // headers.get("content-type") / headers["content-type"]
  if (node.type === "call") {
    const fn = node.childForFieldName("function");
    const args = argumentsOf(node);
    if (fn?.type === "attribute" && attributeName(fn) === "get" && isContentType(args.positional[0])) return "string";
  }
  if (node.type === "subscript" && isContentType(node.childForFieldName("subscript"))) return "string";
  return "unknown";
}

function isContentType(node: Node | null | undefined): boolean {
  return stringValue(node ?? null)?.toLowerCase() === "content-type";
}
