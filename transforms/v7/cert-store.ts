// X7-07..X7-10: mitmproxy.certs' CA and certificate store functions changed their parameters
// when mitmproxy moved to cryptography (7.0), and again in 10.0 and 10.1.6. (X7-11, the CertStore
// change of 12.0, belongs to step 12: v12/certstore-crl.)
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, isBytesLiteral, objectOf } from "../../src/syntax.js";
import { soleBinding } from "../shared/bindings.js";
import { reportRemoved } from "../shared/removed.js";
import { unparenthesized } from "../../src/nodes.js";

const CERTS = "mitmproxy.certs";

export default defineTransform({
  id: "v7/cert-store",
  catalog: ["X7-07", "X7-08", "X7-09", "X7-10"],
  title: "certs.create_ca(org, cn, exp, key_size) → create_ca(org, cn, key_size); CertStore changes reported",
  safety: "safe",
  description:
    "mitmproxy 7 dropped the expiry parameter of certs.create_ca (a call with four positional arguments loses " +
    "its third) and of CertStore.create_store, along with DEFAULT_EXP and DEFAULT_EXP_DUMMY_CERT. CertStoreEntry " +
    "became a dataclass (with a required chain_certs field from 10.0), CertStore.get_cert takes str names " +
    "(GeneralNames SANs from 10.1.6, crl_url from 12.0). These are reported where the code relies on the old " +
    "forms.",
  needs: ["create_ca", "create_store", "DEFAULT_EXP", "CertStoreEntry", "get_cert"],
  run(file) {
    for (const call of file.nodes("call")) {
      const fn = call.childForFieldName("function")!;
      const q = file.imports.resolve(fn);
      const args = argumentsOf(call);
      if (q === `${CERTS}.create_ca`) createCa(file, call);
      else if (q === `${CERTS}.CertStore.create_store` && (args.keywords.has("expiry") || args.positional.length > 5)) {
        file.report(call, "X7-08", "CertStore.create_store() has no expiry parameter since mitmproxy 7 (certificate lifetimes are the constants certs.CA_EXPIRY and certs.CERT_EXPIRY); remove the argument.");
      } else if (q === `${CERTS}.CertStoreEntry`) {
        file.report(call, "X7-09", "CertStoreEntry is a frozen dataclass since mitmproxy 7 and needs a fourth field chain_certs (a list of Cert) from mitmproxy 10; check this construction.");
      } else if (attributeName(fn) === "get_cert" && isCertStoreCall(file, call)) {
        file.report(call, "X7-10", "CertStore.get_cert() takes str names since mitmproxy 7 (not bytes), SANs as x509.GeneralNames since 10.1.6, and a crl_url argument since 12.0; check the arguments.");
      }
    }
    reportRemoved(file, [
      { name: `${CERTS}.DEFAULT_EXP`, id: "X7-08", message: "certs.DEFAULT_EXP was removed in mitmproxy 7; the CA lifetime is certs.CA_EXPIRY (a timedelta)." },
      { name: `${CERTS}.DEFAULT_EXP_DUMMY_CERT`, id: "X7-08", message: "certs.DEFAULT_EXP_DUMMY_CERT was removed in mitmproxy 7; the certificate lifetime is certs.CERT_EXPIRY (a timedelta)." },
    ], (n) => file.isEdited(n));
  },
});

/** X7-07: create_ca(organization, cn, exp, key_size) → create_ca(organization, cn, key_size). */
function createCa(file: SourceFile, call: Node): void {
  const args = argumentsOf(call);
  if (args.positional.length === 4 && args.keywords.size === 0 && !args.splat) {
    const [, , exp, keySize] = args.positional;
    file.remove({ start: exp.startIndex, end: keySize.startIndex });
    file.note(call, "X7-07", "create_ca() lost its expiry argument in mitmproxy 7 and returns cryptography objects (private key, x509.Certificate) instead of pyOpenSSL ones.");
    return;
  }
  if (args.positional.length === 3 && args.keywords.size === 0 && !args.splat) return; // already the mitmproxy 7 form
  file.report(call, "X7-07", "certs.create_ca(organization, cn, exp, key_size) became create_ca(organization, cn, key_size) in mitmproxy 7; drop the expiry argument.");
}

/** A get_cert() call on a certificate store, or one that passes bytes names (the mitmproxy 6 form). */
function isCertStoreCall(file: SourceFile, call: Node): boolean {
  const receiver = unparenthesized(objectOf(call.childForFieldName("function")!)!);
  if (attributeName(receiver) === "certstore") return true;
  if (receiver.type === "identifier") {
    const b = soleBinding(file, receiver);
    const value = b?.kind === "assignment" && b.value?.type === "call" ? b.value.childForFieldName("function") : null;
    const q = value ? file.imports.resolve(value) : null;
    if (q === `${CERTS}.CertStore` || q === `${CERTS}.CertStore.from_store` || q === `${CERTS}.CertStore.from_files`) return true;
  }
  const args = argumentsOf(call).positional.map((n) => unparenthesized(n));
  return args.some((a) => isBytesLiteral(a) || (a.type === "list" && a.namedChildren.some((c) => isBytesLiteral(c))));
}
