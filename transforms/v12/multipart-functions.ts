// DEP12-11: multipart.encode/decode are deprecated shims since mitmproxy 10 (and decode is broken:
// it calls encode_multipart); encode_multipart/decode_multipart take the same arguments.
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { applyMoves, type Move } from "../../src/moves.js";
import { argumentsOf, attributeName } from "../../src/syntax.js";

const MP = "mitmproxy.net.http.multipart";
const MOVES: Move[] = [
  { from: `${MP}.encode`, to: `${MP}.encode_multipart` },
  { from: `${MP}.decode`, to: `${MP}.decode_multipart` },
];

export default defineTransform({
  id: "v12/multipart-functions",
  catalog: ["DEP12-11"],
  title: "multipart.encode/decode(ct, …) → multipart.encode_multipart/decode_multipart(ct, …)",
  safety: "safe",
  description:
    "mitmproxy.net.http.multipart.encode(ct, parts) and decode(ct, content) are deprecated shims since mitmproxy 10 " +
    "(hidden warning), and the decode shim is broken at 10.0–12.2.3: it calls encode_multipart and raises " +
    "TypeError (MIGRATIONS.md N10-01, §9). Both are renamed, through every import form: encode_multipart is what " +
    "the encode shim calls, and decode_multipart takes the same (content type, content) arguments. A first argument " +
    "that is a Headers object (`<message>.headers`, the mitmproxy ≤9 encode signature) becomes " +
    "`<message>.headers.get(\"content-type\")`, which is what the old encode looked up.",
  needs: ["multipart"],
  run(file) {
    const { wildcards } = applyMoves(file, MOVES);
    for (const stmt of wildcards) {
      file.report(
        stmt,
        "DEP12-11",
        "multipart.encode/decode are deprecated since mitmproxy 10 (decode is broken); import encode_multipart / " +
          "decode_multipart from mitmproxy.net.http.multipart by name instead of this star import",
        { restates: ["N10-01"] },
      );
    }
    for (const call of file.nodes("call")) {
      const q = file.imports.resolve(call.childForFieldName("function"));
      if (q !== `${MP}.encode` && q !== `${MP}.decode`) continue;
      const first = argumentsOf(call).positional[0];
      if (first && isHeaders(first)) file.insert(first.endIndex, '.get("content-type")');
    }
  },
});

/** `flow.request.headers` and the like: a Headers object, not a content type. */
function isHeaders(n: Node): boolean {
  return n.type === "attribute" && attributeName(n) === "headers";
}
