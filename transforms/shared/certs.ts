// "Is this expression a mitmproxy.certs.Cert?" without types (MIGRATIONS.md X7-04's receivers):
// <conn>.cert / .mitmcert / .clientcert, <conn>.certificate_list[i] (or v6's server_certs[i]),
// Cert(...) / Cert.from_pem(...), and locals assigned from or looping over those.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { attributeName, objectOf } from "../../src/syntax.js";
import { enclosingLoopIterable, loopIterable, soleBinding } from "./bindings.js";
import { unparenthesized } from "../../src/nodes.js";

const CERT = "mitmproxy.certs.Cert";
const CERT_ATTRIBUTES = new Set(["cert", "mitmcert", "clientcert"]);
const CERT_LISTS = new Set(["certificate_list", "server_certs"]);

export function isCertExpr(file: SourceFile, node: Node, depth = 0): boolean {
  const n = unparenthesized(node);
  if (depth > 4) return false;
  switch (n.type) {
    case "attribute":
      return CERT_ATTRIBUTES.has(attributeName(n)!) && file.imports.resolve(n) === null;
    case "subscript": {
      const value = n.childForFieldName("value")!;
      const index = n.childrenForFieldName("subscript");
      return index.length === 1 && index[0].type !== "slice" && isCertList(file, value);
    }
    case "call": {
      const fn = n.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      return q === CERT || q === `${CERT}.from_pem` || q === `${CERT}.from_pyopenssl`;
    }
    case "conditional_expression":
      // (x.certificate_list[0] if x.certificate_list else None), as C7-05/S7-03 write it
      return isCertExpr(file, n.namedChild(0)!, depth + 1);
    case "identifier": {
      const b = soleBinding(file, n);
      if (!b) {
        const iterable = enclosingLoopIterable(file, n);
        return !!iterable && isCertList(file, iterable);
      }
      if (b.kind === "assignment" && b.value) return isCertExpr(file, b.value, depth + 1);
      const iterable = b.kind === "other" ? loopIterable(b) : null;
      return !!iterable && isCertList(file, iterable);
    }
  }
  return false;
}

function isCertList(file: SourceFile, node: Node): boolean {
  const n = unparenthesized(node);
  return n.type === "attribute" && CERT_LISTS.has(attributeName(n)!) && file.imports.resolve(objectOf(n)) === null;
}
