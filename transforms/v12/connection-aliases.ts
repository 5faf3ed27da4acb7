// DEP12-01..06: the connection aliases that still work (with a hidden DeprecationWarning) at 12.2.3:
// Client.address/cipher_name/clientcert, Connection.alpn_proto_negotiated, Server.ip_address/cert.
// Step 7 rewrites them for users coming from 6 (C7-01/03/04/05, S7-01/03); this catches them for
// users who start at 7–11, with the same receiver rule (MIGRATIONS.md C7-01).
import { defineTransform } from "../../src/transform.js";
import { connectionKind, type ConnectionKind } from "../shared/connections.js";
import { attributeName, attributeNode, isAssignmentTarget, objectOf } from "../../src/syntax.js";
import { isNameChain } from "../../src/nodes.js";

type Kind = ConnectionKind;

interface Alias {
  id: string;
  /** The older row of step 7 that says the same for users coming from 6. */
  restates: string;
  kinds: Kind[];
  /** The new attribute name; absent for the certificate aliases. */
  to?: string;
  /** Can the alias be assigned to (it has a setter that forwards)? */
  writable?: boolean;
  what: string;
}

const ALIASES: Record<string, Alias> = {
  address: { id: "DEP12-01", restates: "C7-01", kinds: ["client"], to: "peername", writable: true, what: "Client.address is a deprecated alias of Client.peername" },
  cipher_name: { id: "DEP12-02", restates: "C7-03", kinds: ["client"], to: "cipher", what: "Client.cipher_name is a deprecated read-only alias of Client.cipher" },
  clientcert: { id: "DEP12-03", restates: "C7-05", kinds: ["client"], what: "Client.clientcert is a deprecated alias of Client.certificate_list[0]" },
  alpn_proto_negotiated: {
    id: "DEP12-04",
    restates: "C7-04",
    kinds: ["client", "server"],
    to: "alpn",
    what: "Connection.alpn_proto_negotiated is a deprecated read-only alias of Connection.alpn",
  },
  ip_address: { id: "DEP12-05", restates: "S7-01", kinds: ["server"], to: "peername", what: "Server.ip_address is a deprecated read-only alias of Server.peername" },
  cert: { id: "DEP12-06", restates: "S7-03", kinds: ["server"], what: "Server.cert is a deprecated alias of Server.certificate_list[0]" },
};
const HIDDEN = "(a hidden DeprecationWarning since mitmproxy 7)";

export default defineTransform({
  id: "v12/connection-aliases",
  catalog: ["DEP12-01", "DEP12-02", "DEP12-03", "DEP12-04", "DEP12-05", "DEP12-06"],
  title: "client.address/cipher_name/clientcert, server.ip_address/cert, alpn_proto_negotiated → peername/cipher/certificate_list/alpn",
  safety: "safe",
  description:
    "Six connection aliases still work at mitmproxy 12.2.3 but warn invisibly (MIGRATIONS.md §9): Client.address " +
    "→ .peername (DEP12-01, also when assigned), Client.cipher_name → .cipher (DEP12-02), Client.clientcert → " +
    "(c.certificate_list[0] if c.certificate_list else None) (DEP12-03), alpn_proto_negotiated → .alpn (DEP12-04), " +
    "Server.ip_address → .peername (DEP12-05) and Server.cert like clientcert (DEP12-06). Only receivers that are " +
    "provably connections are touched (the C7-01 rule): `<expr>.client_conn` / `<expr>.server_conn`, the client " +
    "parameter of client_connected/client_disconnected, and data.client / data.server in the server_* hooks; " +
    "`server_conn.address` is Server's own attribute and stays. Assignments to read-only aliases and to the " +
    "certificate aliases, and certificate reads on receivers that are not plain names, are reported.",
  needs: Object.keys(ALIASES),
  run(file) {
    for (const attr of file.nodes("attribute")) {
      const name = attributeName(attr)!;
      const alias = Object.hasOwn(ALIASES, name) ? ALIASES[name] : null;
      if (!alias) continue;
      const recv = objectOf(attr)!;
      const kind = connectionKind(file, recv);
      if (!kind || !alias.kinds.includes(kind)) continue;
      const report = (hint: string) => file.report(attr, alias.id, `${alias.what} ${HIDDEN}; ${hint}`, { restates: [alias.restates] });
      const target = isAssignmentTarget(attr);
      const deleted = attr.parent?.type === "delete_statement" || attr.parent?.parent?.type === "delete_statement";
      if (alias.to) {
        if (deleted) report(`delete .${alias.to} instead`);
        else if (target && !alias.writable) report(`assign .${alias.to} instead (the alias has no setter)`);
        else file.replace(attributeNode(attr)!, alias.to);
        continue;
      }
      // clientcert / cert
      if (target || deleted) {
        report(`assign the list instead: ${recv.text}.certificate_list = [cert] (or [] for none)`);
      } else if (!isNameChain(recv)) {
        report(`read it as (x.certificate_list[0] if x.certificate_list else None) with the connection in a variable x`);
      } else {
        file.replace(attr, `(${recv.text}.certificate_list[0] if ${recv.text}.certificate_list else None)`);
      }
    }
  },
});

