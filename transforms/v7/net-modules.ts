// M7-05, M7-06: helpers that moved out of the mitmproxy.net.http package in mitmproxy 7.
import { defineTransform } from "../../src/transform.js";
import { applyMoves, type Move } from "../../src/moves.js";

const MOVES: Move[] = [
  // M7-05: re-exported by v6.0.2:mitmproxy/net/http/__init__.py; its home module kept it
  { from: "mitmproxy.net.http.parse_content_type", to: "mitmproxy.net.http.headers.parse_content_type" },
  // M7-06: v7.0.0 moved the module, same functions and signatures
  { from: "mitmproxy.net.http.encoding", to: "mitmproxy.net.encoding" },
];

export default defineTransform({
  id: "v7/net-modules",
  catalog: ["M7-05", "M7-06"],
  title: "mitmproxy.net.http.encoding → mitmproxy.net.encoding; net.http.parse_content_type → net.http.headers",
  safety: "safe",
  description:
    "mitmproxy 7 emptied the mitmproxy.net.http package namespace: the encoding module moved to " +
    "mitmproxy.net.encoding (same encode/decode functions), and parse_content_type is only available from " +
    "mitmproxy.net.http.headers. Imports of every form and the names used through them are rewritten.",
  needs: ["encoding", "parse_content_type"],
  run(file) {
    const { wildcards } = applyMoves(file, MOVES);
    for (const stmt of wildcards) {
      file.report(
        stmt,
        "M7-05",
        "a star import from mitmproxy.net.http, whose parse_content_type moved in mitmproxy 7; import it from mitmproxy.net.http.headers by name",
      );
    }
  },
});
