// S7-01 … S7-08: attributes of mitmproxy 6's ServerConnection that changed when it became
// mitmproxy.connection.Server in mitmproxy 7.
import { defineTransform } from "../../src/transform.js";
import { SERVER_ATTRIBUTES, rewriteConnectionAttributes } from "../shared/connections.js";

export default defineTransform({
  id: "v7/server-attributes",
  catalog: ["S7-01", "S7-02", "S7-03", "S7-04", "S7-05", "S7-06", "S7-07", "S7-08"],
  title: "server_conn.ip_address → .peername, .source_address → .sockname, .cert, .server_certs, …",
  safety: "safe",
  description:
    "Rewrites attributes of server connections on receivers that are provably a Server: `<expr>.server_conn`, " +
    "`data.server` in the server hooks, the parameter of a mitmproxy 6 serverconnect/serverdisconnect hook, and local names bound only to one of those. ip_address becomes peername, " +
    "source_address sockname, server_certs certificate_list, alpn_proto_negotiated alpn, cert reads " +
    "(certificate_list[0] if certificate_list else None) and connected() the connected property. `.address` keeps its " +
    "name (a Server still has it); assigning `flow.server_conn.address`, `.via` (now a ServerSpec), " +
    "ssl_verification_error, tls_established assignments and the removed I/O members are reported.",
  needs: ["server_conn", "server_connect", "server_connected", "server_disconnected", "serverconnect", "serverdisconnect"],
  run(file) {
    // The parameter of a v6 serverconnect hook is rewritten in the pass that renames the hook
    // (to data.server), instead of one pass later.
    rewriteConnectionAttributes(file, "server", SERVER_ATTRIBUTES, { v6Hooks: true });
  },
});
