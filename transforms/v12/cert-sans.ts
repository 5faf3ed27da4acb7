// DEP12-16: since mitmproxy 10.1.6 SANs are x509.GeneralNames; a list of str still works with a
// hidden DeprecationWarning at 12.2.3 (CertStore.get_cert, certs.dummy_cert).
import type { Node } from "../../src/parser.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName } from "../../src/syntax.js";

const DUMMY_CERT = "mitmproxy.certs.dummy_cert";

export default defineTransform({
  id: "v12/cert-sans",
  catalog: ["DEP12-16"],
  title: "get_cert(cn, [\"a.example\"]) / dummy_cert(…, [\"a.example\"]) (list[str] SANs; reported)",
  safety: "safe",
  description:
    "Since mitmproxy 10.1.6 CertStore.get_cert() and certs.dummy_cert() take the SANs as x509.GeneralNames; a " +
    "list of str is still converted with a hidden DeprecationWarning at 12.2.3 (MIGRATIONS.md N10-08, X7-10, §9). " +
    "Calls whose sans argument is written as a list (or list comprehension) of strings are reported with the " +
    "x509.GeneralNames form; each name has to become DNSName or IPAddress, which a literal shows but an " +
    "expression does not, so nothing is rewritten. get_cert calls count only in files that use mitmproxy.certs.",
  needs: ["get_cert", "dummy_cert"],
  run(file) {
    const usesCerts = file.imports.importsFrom("mitmproxy.certs") || /\bcertstore\b/.test(file.text);
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      let sans: Node | undefined;
      const args = argumentsOf(call);
      if (file.imports.resolve(fn) === DUMMY_CERT) sans = args.keywords.get("sans")?.childForFieldName("value") ?? args.positional[3];
      else if (usesCerts && attributeName(fn) === "get_cert") sans = args.keywords.get("sans")?.childForFieldName("value") ?? args.positional[1];
      if (!sans || !isStrList(sans)) continue;
      file.report(
        sans,
        "DEP12-16",
        "SANs as a list of str are deprecated since mitmproxy 10.1.6 (hidden warning); pass x509.GeneralNames, e.g. " +
          'x509.GeneralNames([x509.DNSName("example.com"), x509.IPAddress(ipaddress.ip_address("10.0.0.1"))]) ' +
          "with `from cryptography import x509`",
        { restates: ["N10-08", "X7-10"] },
      );
    }
  },
});

/** `[host, f"www.{host}"]`, `[f"{h}.example" for h in hosts]`: a list of strings as written. */
function isStrList(n: Node): boolean {
  if (n.type === "list_comprehension") return n.childForFieldName("body")?.type === "string";
  if (n.type !== "list") return false;
  const items = n.namedChildren.filter((c) => c.type !== "comment");
  // One string item is enough: a list of GeneralName objects cannot hold one.
  return items.some((c) => c.type === "string" && !/^[rRuUfF]*[bB]/.test(c.text));
}
