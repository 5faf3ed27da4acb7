// M7-04, M7-07, M7-11, M7-13, M7-14: modules and functions that mitmproxy 7 removed without a
// drop-in replacement. The few that had a trivial body (net.websocket.get_client_key(h) and
// friends only read a header) are inlined; everything else is reported.
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";
import { asPrimary } from "../../src/precedence.js";
import { literalAt } from "../../src/quotes.js";
import { reportRemoved, type Removed } from "../shared/removed.js";

const MAKE_RESPONSE =
  'build the response with http.Response.make(status_code, body, {"content-type": "text/html"}).';

const REMOVED: Removed[] = [
  // M7-04: mitmproxy.http helpers (v6.0.2:mitmproxy/http.py)
  { name: "mitmproxy.http.make_error_response", id: "M7-04", message: `mitmproxy.http.make_error_response() was removed in mitmproxy 7; ${MAKE_RESPONSE}` },
  { name: "mitmproxy.http.make_connect_request", id: "M7-04", message: "mitmproxy.http.make_connect_request() was removed in mitmproxy 7; build the request with http.Request.make(\"CONNECT\", …) or set flow.request.method/host/port." },
  { name: "mitmproxy.http.make_connect_response", id: "M7-04", message: "mitmproxy.http.make_connect_response() was removed in mitmproxy 7; build the response with http.Response.make(200)." },
  { name: "mitmproxy.http.make_expect_continue_response", id: "M7-04", message: "mitmproxy.http.make_expect_continue_response() was removed in mitmproxy 7; build the response with http.Response.make(100)." },
  // M7-07: modules of the old proxy core
  { name: "mitmproxy.net.http.http2", id: "M7-07", module: true, message: "mitmproxy.net.http.http2 was removed in mitmproxy 7; HTTP/2 is handled by the proxy core and has no public helpers." },
  { name: "mitmproxy.net.tcp", id: "M7-07", module: true, message: "mitmproxy.net.tcp was removed in mitmproxy 7; connections are mitmproxy.connection.Client/Server objects without sockets." },
  { name: "mitmproxy.net.socks", id: "M7-07", module: true, message: "mitmproxy.net.socks was removed in mitmproxy 7; SOCKS5 is a proxy mode of the core and has no public helpers." },
  { name: "mitmproxy.net.websocket", id: "M7-07", module: true, message: "mitmproxy.net.websocket was removed in mitmproxy 7; read the Sec-WebSocket-* headers directly, e.g. flow.request.headers.get(\"sec-websocket-key\")." },
  { name: "mitmproxy.io.db", id: "M7-07", module: true, message: "mitmproxy.io.db was removed in mitmproxy 7; save flows with mitmproxy.io.FlowWriter." },
  { name: "mitmproxy.io.DBHandler", id: "M7-07", message: "mitmproxy.io.DBHandler was removed in mitmproxy 7; save flows with mitmproxy.io.FlowWriter." },
  { name: "mitmproxy.io.protobuf", id: "M7-07", module: true, message: "mitmproxy.io.protobuf was removed in mitmproxy 7; save flows with mitmproxy.io.FlowWriter." },
  { name: "mitmproxy.utils.compat", id: "M7-07", module: true, message: "mitmproxy.utils.compat was removed in mitmproxy 7 (it only chose between the old and the new proxy core); use mitmproxy.connection.Client/Server." },
  // M7-13: mitmproxy.net.tls (v6.0.2 vs v7.0.0:mitmproxy/net/tls.py)
  ...["BASIC_OPTIONS", "DEFAULT_METHOD", "VERSION_CHOICES", "METHOD_NAMES", "client_arguments_from_options", "create_client_context", "create_server_context", "get_client_hello"].map(
    (n): Removed => ({ name: `mitmproxy.net.tls.${n}`, id: "M7-13", message: `mitmproxy.net.tls.${n} was removed in mitmproxy 7; TLS is configured by the core (tls_version_* options) and can be customised in the tls_start_client/tls_start_server hooks.` }),
  ),
  { name: "mitmproxy.net.tls.ClientHello.from_file", id: "M7-13", message: "mitmproxy.net.tls.ClientHello.from_file() was removed in mitmproxy 7; the parsed ClientHello is data.client_hello in the tls_clienthello hook (mitmproxy ≥8)." },
  // M7-14: addons and the server thread
  ...["session", "streambodies", "termstatus", "check_ca"].map(
    (n): Removed => ({ name: `mitmproxy.addons.${n}`, id: "M7-14", module: true, message: `mitmproxy.addons.${n} was removed in mitmproxy 7.` }),
  ),
  { name: "mitmproxy.master.ServerThread", id: "M7-14", message: "mitmproxy.master.ServerThread was removed in mitmproxy 7; the proxy server is the proxyserver addon and runs on the master's event loop." },
];

/** M7-07: the net.websocket helpers that only read one header (v6.0.2:mitmproxy/net/websocket.py). */
const HEADER_GETTERS: Record<string, string> = {
  "mitmproxy.net.websocket.get_client_key": "sec-websocket-key",
  "mitmproxy.net.websocket.get_protocol": "sec-websocket-protocol",
  "mitmproxy.net.websocket.get_extensions": "sec-websocket-extensions",
  "mitmproxy.net.websocket.get_server_accept": "sec-websocket-accept",
};

export default defineTransform({
  id: "v7/removed-apis",
  catalog: ["M7-04", "M7-07", "M7-11", "M7-13", "M7-14"],
  title: "removed modules and helpers (net.tcp, net.websocket, make_error_response, net.tls contexts, …) reported",
  safety: "safe",
  description:
    "mitmproxy 7 replaced the proxy core and removed, without replacement, the helpers of the old one: " +
    "mitmproxy.http.make_error_response and the other make_* functions, mitmproxy.net.tcp, net.socks, " +
    "net.http.http2, net.websocket, io.db/DBHandler, io.protobuf, utils.compat, the TLS context helpers of " +
    "net.tls, the session/streambodies/termstatus/check_ca addons and master.ServerThread. Calls of " +
    "net.websocket.get_client_key(h) and the other one-header getters become h.get(\"sec-websocket-…\"); every " +
    "other import or use is reported. (M7-11, mitmproxy.eventsequence, is handled with H7-12.)",
  // Every removed name is reached through one of these words (mitmproxy.net.tcp, io.db, …).
  needs: ["make_", "tcp", "socks", "http2", "websocket", "db", "DBHandler", "protobuf", "compat", "tls", "session", "streambodies", "termstatus", "check_ca", "ServerThread"],
  run(file) {
    const inlined: Node[] = [];
    let deferred = false;
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      // Every getter lives in mitmproxy.net.websocket: a cheap test before resolving.
      if (!file.imports.mayReach(fn, "mitmproxy.net.websocket")) continue;
      const header = HEADER_GETTERS[file.imports.resolve(fn) ?? ""];
      if (!header) continue;
      if (file.isEdited(call)) {
        deferred = true; // inside a call inlined just now (its text was copied): the next pass
        continue;
      }
      const args = argumentsOf(call);
      if (args.positional.length !== 1 || args.keywords.size > 0 || args.splat) continue;
      const lit = literalAt(call, header);
      if (lit && file.replace(call, `${asPrimary(args.positional[0])}.get(${lit})`)) inlined.push(call);
    }
    const removedImports = new Set<number>();
    if (inlined.length > 0 && !deferred) {
      for (const imp of file.imports.all()) {
        if (!imp.qualified.startsWith("mitmproxy.net.websocket")) continue;
        if (file.imports.removeIfUnused(imp.local, imp.scope)) removedImports.add(imp.item.id);
      }
    }
    reportRemoved(file, REMOVED, (n) => removedImports.has(n.id) || file.isEdited(n));
  },
});
