// C7-01 … C7-09, C7-11: attributes of mitmproxy 6's ClientConnection that changed when it
// became mitmproxy.connection.Client in mitmproxy 7.
import { defineTransform } from "../../src/transform.js";
import { CLIENT_ATTRIBUTES, rewriteConnectionAttributes } from "../shared/connections.js";

export default defineTransform({
  id: "v7/client-attributes",
  catalog: ["C7-01", "C7-02", "C7-03", "C7-04", "C7-05", "C7-06", "C7-07", "C7-08", "C7-09", "C7-11"],
  title: "client_conn.address → .peername, .cipher_name → .cipher, .connected() → .connected, …",
  safety: "safe",
  description:
    "Rewrites attributes of client connections on receivers that are provably a Client: `<expr>.client_conn`, the " +
    "argument of client_connected / client_disconnected, `data.client` in the server hooks, and local names bound only " +
    "to one of those. address and ip_address become peername, cipher_name cipher, alpn_proto_negotiated alpn, " +
    "clientcert reads (certificate_list[0] if certificate_list else None), connected() the connected property and " +
    "connection.get_servername() the sni string. Assignments to read-only or removed attributes, tls_extensions and the " +
    "removed socket-level members are reported. `.address` on any other object is never touched.",
  needs: ["client_conn", "client_connected", "client_disconnected", "server_connect", "server_connected", "server_disconnected", "clientconnect", "clientdisconnect"],
  run(file) {
    rewriteConnectionAttributes(file, "client", CLIENT_ATTRIBUTES);
  },
});
