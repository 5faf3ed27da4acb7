// N10-08: since mitmproxy 10.1.6 subject alternative names are x509.GeneralNames: Cert.altnames
// returns one, and CertStore.get_cert / certs.dummy_cert take one (a list of str still works,
// with a DeprecationWarning).
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, isAssignmentTarget } from "../../src/syntax.js";

export default defineTransform({
  id: "v9.1/cert-sans",
  catalog: ["N10-08"],
  title: "report cert.altnames reads and SAN lists passed to get_cert / dummy_cert",
  safety: "safe",
  description:
    "mitmproxy 10.1.6 (listed under Breaking Changes) switched subject alternative names to " +
    "cryptography's x509.GeneralNames: Cert.altnames returns GeneralNames (its items are x509.DNSName / " +
    "x509.IPAddress objects, not str), and CertStore.get_cert / certs.dummy_cert expect one (a list of str is " +
    "accepted with a DeprecationWarning). Reads of .altnames and SAN arguments of those calls are reported.",
  needs: ["altnames", "get_cert", "dummy_cert"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      if (attributeName(attr) !== "altnames" || isAssignmentTarget(attr)) continue;
      file.report(
        attr,
        "N10-08",
        "Cert.altnames is an x509.GeneralNames since mitmproxy 10.1.6: its items are x509.DNSName / x509.IPAddress objects, " +
          "not str. Use altnames.get_values_for_type(x509.DNSName) for the DNS names as strings.",
      );
    }
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      const args = argumentsOf(call);
      let sans: Node | null = null;
      if (q === "mitmproxy.certs.dummy_cert") sans = args.positional[3] ?? args.keywords.get("sans") ?? null;
      else if (fn.type === "attribute" && attributeName(fn) === "get_cert" && isCertStore(file, fn.childForFieldName("object")!)) {
        sans = args.positional[1] ?? args.keywords.get("sans") ?? null;
      }
      if (!sans) continue;
      file.report(
        sans,
        "N10-08",
        "SANs are an x509.GeneralNames since mitmproxy 10.1.6 (a list of str still works but is deprecated); pass e.g. " +
          "x509.GeneralNames([x509.DNSName(name) for name in names]).",
      );
    }
  },
});

/** `<x>.certstore` (how addons reach tlsconfig's CertStore), or a name assigned from one. */
function isCertStore(file: SourceFile, node: Node): boolean {
  if (node.type === "attribute") return attributeName(node) === "certstore";
  if (node.type !== "identifier") return false;
  const bs = file.scopes.resolveIdentifier(node)?.bindings.get(node.text);
  return bs?.length === 1 && bs[0].kind === "assignment" && !!bs[0].value && isCertStore(file, bs[0].value);
}
