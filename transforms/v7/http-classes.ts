// M7-02, M7-03: the HTTP classes live in mitmproxy.http since mitmproxy 7, and the
// HTTPRequest/HTTPResponse aliases are gone.
import { defineTransform } from "../../src/transform.js";
import { applyMoves, type Move } from "../../src/moves.js";

const MOVES: Move[] = [
  // M7-03: the v6 aliases in mitmproxy/http.py
  { from: "mitmproxy.http.HTTPRequest", to: "mitmproxy.http.Request" },
  { from: "mitmproxy.http.HTTPResponse", to: "mitmproxy.http.Response" },
  // M7-02: mitmproxy.net.http re-exported these; their modules were folded into mitmproxy.http
  { from: "mitmproxy.net.http.Headers", to: "mitmproxy.http.Headers" },
  { from: "mitmproxy.net.http.Request", to: "mitmproxy.http.Request" },
  { from: "mitmproxy.net.http.Response", to: "mitmproxy.http.Response" },
  { from: "mitmproxy.net.http.Message", to: "mitmproxy.http.Message" },
  { from: "mitmproxy.net.http.headers.Headers", to: "mitmproxy.http.Headers" },
  { from: "mitmproxy.net.http.request.Request", to: "mitmproxy.http.Request" },
  { from: "mitmproxy.net.http.response.Response", to: "mitmproxy.http.Response" },
  { from: "mitmproxy.net.http.message.Message", to: "mitmproxy.http.Message" },
];

export default defineTransform({
  id: "v7/http-classes",
  catalog: ["M7-02", "M7-03"],
  title: "HTTPRequest/HTTPResponse → Request/Response; mitmproxy.net.http classes → mitmproxy.http",
  safety: "safe",
  description:
    "mitmproxy 7 removed the HTTPRequest and HTTPResponse aliases from mitmproxy.http and moved " +
    "Headers, Request, Response and Message from mitmproxy.net.http into mitmproxy.http. Imports " +
    "of every form (from-imports, aliases, `import mitmproxy.net.http as nhttp`) and the names used " +
    "through them are rewritten; `HTTPResponse.make(...)` keeps its arguments, which did not change.",
  needs: ["HTTPRequest", "HTTPResponse", /\bnet\b/],
  run(file) {
    const { wildcards } = applyMoves(file, MOVES);
    for (const stmt of wildcards) {
      file.report(
        stmt,
        "M7-02",
        "a star import from a module whose HTTP classes moved in mitmproxy 7; import Headers, Request, Response from mitmproxy.http by name",
      );
    }
  },
});
