// M7-10, V7-03: mitmproxy 7 removed most classes of mitmproxy.exceptions. An except clause
// naming one fails only when an exception actually reaches it (a latent NameError/AttributeError);
// a from-import of one fails when the script loads.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { ancestor, isWholeName } from "../../src/syntax.js";

const REMOVED = [
  "TlsProtocolException", "TlsException", "ProtocolException", "HttpException", "HttpProtocolException",
  "HttpSyntaxException", "HttpReadDisconnect", "Http2ProtocolException", "Http2ZombieException", "TcpException",
  "TcpDisconnect", "TcpReadIncomplete", "TcpTimeout", "Timeout", "NetlibException", "InvalidCertificateException",
  "InvalidServerCertificate", "ClientHandshakeException", "Socks5ProtocolException", "ServerException",
  "ReplayException", "SessionLoadException", "SetServerNotAllowedException", "ContentViewException", "Disconnect",
  "Kill",
].map((n) => `mitmproxy.exceptions.${n}`);
const CONTENT_VIEW = "mitmproxy.exceptions.ContentViewException";

export default defineTransform({
  id: "v7/exceptions",
  catalog: ["M7-10", "V7-03"],
  title: "except exceptions.ContentViewException → except ValueError; other removed exceptions reported",
  safety: "safe",
  description:
    "mitmproxy 7 removed all exception classes of mitmproxy.exceptions except MitmproxyException, AddonHalt, " +
    "AddonManagerError, CommandError, ControlException, FlowReadException, OptionsError and TypeError. An except " +
    "clause naming ContentViewException (raised by contentviews.add() for a duplicate view) becomes ValueError, " +
    "which mitmproxy 7 raises instead. Every other use of a removed class is reported: in an except clause it " +
    "fails only when an exception reaches it, and a from-import of one fails when the script loads.",
  needs: REMOVED.map((q) => q.slice("mitmproxy.exceptions.".length)),
  run(file) {
    let rewrote = false;
    for (const node of file.nodes(["identifier", "attribute"])) {
      if (!isWholeName(node) || ancestor(node, "import_statement", "import_from_statement")) continue;
      const q = file.imports.resolve(node);
      if (!q || !REMOVED.includes(q)) continue;
      const name = q.slice("mitmproxy.exceptions.".length);
      const clause = exceptClauseOf(node);
      if (clause && q === CONTENT_VIEW && valueErrorIsBuiltin(file, node)) {
        rewrote = file.replace(node, "ValueError") || rewrote; // V7-03
      } else if (clause) {
        file.report(node, "M7-10", `mitmproxy.exceptions.${name} no longer exists (mitmproxy 7); remove or replace this except clause.`);
      } else {
        file.report(node, "M7-10", `mitmproxy.exceptions.${name} no longer exists (mitmproxy 7); remove or replace this use.`);
      }
    }
    // Imports of removed classes fail when the script loads.
    for (const imp of file.imports.all()) {
      if (!REMOVED.includes(imp.qualified) || imp.statement.type !== "import_from_statement") continue;
      if (rewrote && imp.qualified === CONTENT_VIEW && file.imports.removeIfUnused(imp.local, imp.scope)) continue;
      file.report(imp.item, "M7-10", `mitmproxy.exceptions.${imp.qualified.split(".").pop()} no longer exists (mitmproxy 7); this import fails when the script loads.`);
    }
  },
});

/** The except clause whose exception list contains `node` (alone or in a tuple). */
function exceptClauseOf(node: Node): Node | null {
  let n = node;
  for (let p = n.parent; p; n = p, p = p.parent) {
    if (p.type === "except_clause") {
      // The exception expression is the first named child (`except X as e:` wraps it in as_pattern).
      return p.namedChildren[0]?.id === n.id ? p : null;
    }
    if (!["tuple", "parenthesized_expression", "as_pattern", "expression_list"].includes(p.type)) return null;
  }
  return null;
}

function valueErrorIsBuiltin(file: SourceFile, at: Node): boolean {
  return file.scopes.lookup("ValueError", file.scopes.scopeOf(at)) === null;
}
