// C7-10, S7-09: constructing connections. mitmproxy 6's ClientConnection(client_connection,
// address, server) and ServerConnection(address, source_address=None, spoof_source_address=None)
// became connection.Client(peername, sockname, timestamp_start) and connection.Server(address);
// both are keyword-only from mitmproxy 10.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";

const CLIENT = ["mitmproxy.connections.ClientConnection", "mitmproxy.connection.Client"];
const SERVER = ["mitmproxy.connections.ServerConnection", "mitmproxy.connection.Server"];

const CLIENT_MESSAGE =
  "ClientConnection(client_connection, address, server) became connection.Client(peername, sockname, timestamp_start) in mitmproxy 7 (keyword-only from mitmproxy 10), and make_dummy() is gone;";
const SERVER_MESSAGE =
  "ServerConnection(address, source_address=None, spoof_source_address=None) became connection.Server(address) in mitmproxy 7 (Server(address=…) from mitmproxy 10), and make_dummy() is gone;";

export default defineTransform({
  id: "v7/connection-constructors",
  catalog: ["C7-10", "S7-09"],
  title: "ServerConnection(addr) → Server(address=addr); ClientConnection(…) and make_dummy() reported",
  safety: "safe",
  description:
    "A ServerConnection built from one positional address becomes Server(address=addr), which is valid from mitmproxy 7 " +
    "on (the class itself is renamed by v7/connections-module). Other ServerConnection arguments (source_address, " +
    "spoof_source_address), every ClientConnection constructor (its parameters mean different things now) and the " +
    "removed make_dummy() class methods are reported.",
  needs: ["ClientConnection", "ServerConnection", "Client", "Server"],
  run(file) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      if (!q) continue;
      if (CLIENT.includes(q)) {
        file.report(call, "C7-10", `${CLIENT_MESSAGE} check the arguments of this call by hand (peername and sockname are (host, port) tuples).`);
      } else if (CLIENT.some((c) => q === `${c}.make_dummy`)) {
        file.report(call, "C7-10", `${CLIENT_MESSAGE} build connection.Client(peername=addr, sockname=("", 0), timestamp_start=time.time()) by hand.`);
      } else if (SERVER.includes(q)) {
        server(file, call);
      } else if (SERVER.some((c) => q === `${c}.make_dummy`)) {
        file.report(call, "S7-09", `${SERVER_MESSAGE} use connection.Server(address=addr) instead.`);
      }
    }
  },
});

function server(file: SourceFile, call: Node): void {
  const args = argumentsOf(call);
  if (args.splat || !args.node) {
    file.report(call, "S7-09", `${SERVER_MESSAGE} this call's arguments could not be mapped; rewrite it by hand.`);
    return;
  }
  if (args.positional.length === 1 && args.keywords.size === 0) {
    file.insert(args.positional[0].startIndex, "address=");
    return;
  }
  if (args.positional.length === 0 && args.keywords.size === 1 && args.keywords.has("address")) return; // already Server(address=…)
  const extra = [...args.keywords.keys()].filter((k) => k !== "address");
  const what = extra.length > 0 ? `the argument(s) ${extra.join(", ")} no longer exist` : "only the address is accepted";
  file.report(call, "S7-09", `${SERVER_MESSAGE} ${what}; rewrite this call as Server(address=…) by hand.`);
}
