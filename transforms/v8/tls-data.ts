// T8-01..T8-04: the TLS hook data classes moved to the new mitmproxy.tls module in mitmproxy 8.
import { defineTransform } from "../../src/transform.js";
import { applyMoves, type Move } from "../../src/moves.js";

const MOVES: Move[] = [
  // T8-01: net.tls.ClientHello was removed; the class lives in mitmproxy.tls (7fd887a55)
  { from: "mitmproxy.net.tls.ClientHello", to: "mitmproxy.tls.ClientHello" },
  // T8-02: still re-exported by layers/tls.py through 12.2.3, but mitmproxy.tls is its home
  { from: "mitmproxy.proxy.layers.tls.ClientHelloData", to: "mitmproxy.tls.ClientHelloData" },
  // T8-03: renamed, same fields (conn, context, ssl_conn)
  { from: "mitmproxy.proxy.layers.tls.TlsStartData", to: "mitmproxy.tls.TlsData" },
];

export default defineTransform({
  id: "v8/tls-data",
  catalog: ["T8-01", "T8-02", "T8-03", "T8-04"],
  title: "net.tls.ClientHello, layers.tls.ClientHelloData/TlsStartData → mitmproxy.tls.ClientHello/ClientHelloData/TlsData",
  safety: "safe",
  description:
    "mitmproxy 8 gathered the TLS hook data in the new module mitmproxy.tls: ClientHello moved there from " +
    "mitmproxy.net.tls (where it was removed), ClientHelloData from mitmproxy.proxy.layers.tls, and " +
    "TlsStartData became mitmproxy.tls.TlsData with the same fields. Imports of every form and the names used " +
    "through them are rewritten. T8-04 (tls_clienthello data gained client_hello and ignore_connection) is an " +
    "addition and needs no change.",
  needs: ["ClientHello", "TlsStartData"],
  run(file) {
    const { wildcards, rewritten } = applyMoves(file, MOVES);
    if (rewritten > 0) {
      // `from mitmproxy.proxy.layers import tls` whose every use moved to mitmproxy.tls.
      for (const imp of file.imports.all()) {
        if (imp.qualified === "mitmproxy.proxy.layers.tls" || imp.qualified === "mitmproxy.net.tls") {
          file.imports.removeIfUnused(imp.local, imp.scope);
        }
      }
    }
    for (const stmt of wildcards) {
      file.report(
        stmt,
        stmt.childForFieldName("module_name")?.text === "mitmproxy.net.tls" ? "T8-01" : "T8-03",
        "a star import from a module whose TLS classes moved to mitmproxy.tls in mitmproxy 8; import ClientHello, ClientHelloData and TlsData from mitmproxy.tls by name",
      );
    }
  },
});
