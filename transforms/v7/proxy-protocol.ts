// M7-08: mitmproxy 6's proxy core (mitmproxy.proxy.protocol, .config, .root_context, .modes,
// ProxyConfig, ProxyServer, DummyServer, RootContext) was removed in mitmproxy 7. There is no
// equivalent to rewrite to; each import (which alone makes the script fail to load) and each
// use through another import is reported. (The connection-hook transforms drop annotation-only
// uses when they rename the hook, and remove the import if nothing else needs it.)
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { importedModules } from "../../src/imports.js";
import { defineTransform } from "../../src/transform.js";
import { removedProxyName } from "../shared/proxy-protocol.js";
import { inImportStatement } from "../../src/syntax.js";

const HINT =
  "The new proxy core (mitmproxy.proxy.layer, mitmproxy.proxy.layers, mitmproxy.proxy.context) is not equivalent: port this code to the event hooks (tls_clienthello, next_layer setting NextLayer.layer, server_connect, …).";

/** Words one of which a chain through a removed name contains (REMOVED_PROXY_MODULES / NAMES). */
const MENTIONS_REMOVED = /\b(protocol|config|root_context|modes|ProxyConfig|ProxyServer|DummyServer|RootContext)\b/;

export default defineTransform({
  id: "v7/proxy-protocol",
  catalog: ["M7-08"],
  title: "mitmproxy.proxy.protocol / config / root_context / modes and ProxyServer: reported",
  safety: "safe",
  description:
    "mitmproxy 7 replaced the whole proxy core: mitmproxy.proxy.protocol (Layer, TlsLayer, RawTCPLayer, HttpLayer, …), " +
    "mitmproxy.proxy.config, root_context and modes, and ProxyConfig, ProxyServer, DummyServer and RootContext are " +
    "gone, and the new layers are not equivalent. Even an import used only in an annotation makes the whole script " +
    "fail to load, so every import and use is reported.",
  needs: ["protocol", "config", "root_context", "modes", "ProxyConfig", "ProxyServer", "DummyServer", "RootContext"],
  run(file) {
    for (const stmt of file.nodes(["import_statement", "import_from_statement"])) {
      const gone = [...new Set(importedModules(stmt).map(removedProxyName).filter((m): m is string => !!m))];
      if (gone.length > 0) {
        file.report(stmt, "M7-08", `${gone.join(", ")} ${gone.length > 1 ? "were" : "was"} removed in mitmproxy 7 and importing ${gone.length > 1 ? "them" : "it"} makes the whole script fail to load. ${HINT}`);
      }
    }
    // Uses through an import that itself still works (`import mitmproxy` … mitmproxy.proxy.protocol.Layer).
    for (const node of file.nodes("attribute")) {
      const p = node.parent;
      if (p?.type === "attribute" && p.childForFieldName("object")?.id === node.id) continue; // not the outermost
      if (!MENTIONS_REMOVED.test(node.text)) continue; // cheap test before resolving the chain
      const chainBase = base(node);
      if (!chainBase || inImportStatement(node) || removedProxyName(file.imports.resolve(chainBase))) continue;
      const gone = removedProxyName(file.imports.resolve(node)) ?? removedInside(file, node);
      if (gone) file.report(node, "M7-08", `${gone} was removed in mitmproxy 7. ${HINT}`);
    }
  },
});

/** The innermost object of an attribute chain, if it is a name. */
function base(node: Node): Node | null {
  let n: Node | null = node;
  while (n?.type === "attribute") n = n.childForFieldName("object");
  return n?.type === "identifier" ? n : null;
}

/** A removed name inside the chain (`mitmproxy.proxy.protocol.Layer.__name__`). */
function removedInside(file: SourceFile, node: Node): string | null {
  for (let n = node.childForFieldName("object"); n?.type === "attribute"; n = n.childForFieldName("object")) {
    const gone = removedProxyName(file.imports.resolve(n));
    if (gone) return gone;
  }
  return null;
}

