// X7-01..X7-05: mitmproxy.certs.Cert wraps a cryptography certificate since mitmproxy 7
// (it wrapped a pyOpenSSL X509 in 6), and its accessors changed shape.
import type { Node } from "../../src/parser.js";
import type { SourceFile } from "../../src/source.js";
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, attributeNode, callOf, isAssignmentTarget, isBytesLiteral, objectOf } from "../../src/syntax.js";
import { isCertExpr } from "../shared/certs.js";
import { soleBinding } from "../shared/bindings.js";
import { unparenthesized } from "../../src/nodes.js";

const CERT = "mitmproxy.certs.Cert";
const BYTES_FIELDS = new Set(["cn", "organization", "altnames", "subject", "issuer"]);

/** Calls whose result is certainly a pyOpenSSL X509. */
const PYOPENSSL_X509 = new Set(["OpenSSL.crypto.load_certificate", "OpenSSL.crypto.X509"]);
const PYOPENSSL_METHODS = new Set(["get_peer_certificate"]);

export default defineTransform({
  id: "v7/certificates",
  catalog: ["X7-01", "X7-02", "X7-03", "X7-04", "X7-05"],
  title: "cert.x509 → cert.to_pyopenssl(); Cert.from_der(d) → Cert(x509.load_der_x509_certificate(d)); cert.has_expired → cert.has_expired()",
  safety: "safe",
  description:
    "mitmproxy 7 moved mitmproxy.certs.Cert from pyOpenSSL to cryptography. On certificate receivers (.cert, " +
    ".mitmcert, .clientcert, certificate_list[i], Cert(...), and locals taken from them): cert.x509 becomes " +
    "cert.to_pyopenssl() (the same pyOpenSSL object); the has_expired property became a method and gets its " +
    "call parentheses (a bare bound method is always true); a b\"…\" literal compared with cert.cn loses its b " +
    "prefix, since cn is a str. Cert.from_der(d) becomes Cert(x509.load_der_x509_certificate(d)) and Cert(<pyOpenSSL " +
    "X509>) becomes Cert.from_pyopenssl(…). cert.digest(), other bytes comparisons and Cert(...) of unknown " +
    "arguments are reported.",
  needs: ["x509", "digest", "from_der", "has_expired", "cn", "organization", "altnames", "subject", "issuer", "Cert"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      const name = attributeName(attr)!;
      if (name === "from_der") {
        fromDer(file, attr);
        continue;
      }
      if (!["x509", "digest", "has_expired"].includes(name) && !BYTES_FIELDS.has(name)) continue;
      if (!isCertExpr(file, objectOf(attr)!)) continue;
      if (name === "x509") {
        if (isAssignmentTarget(attr)) file.report(attr, "X7-01", "Cert.x509 was removed in mitmproxy 7; a Cert wraps a cryptography certificate. Create a new Cert with Cert.from_pyopenssl(x509) instead of assigning.");
        else file.replace(attributeNode(attr)!, "to_pyopenssl()"); // X7-01
      } else if (name === "digest") {
        const call = callOf(attr);
        if (call) file.report(call, "X7-02", "Cert.digest(name) was removed in mitmproxy 7; cert.fingerprint() returns the raw SHA-256 bytes (not colon-separated hex, and no other hash names). Rewrite by hand, e.g. cert.fingerprint().hex().");
      } else if (name === "has_expired") {
        if (!callOf(attr) && !isAssignmentTarget(attr)) file.insert(attr.endIndex, "()"); // X7-04
      } else {
        bytesField(file, attr, name);
      }
    }
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) === CERT) certConstructor(file, call);
    }
  },
});

/** X7-03: Cert.from_der(der) → Cert(x509.load_der_x509_certificate(der)). */
function fromDer(file: SourceFile, attr: Node): void {
  if (file.imports.resolve(attr) !== `${CERT}.from_der`) return;
  const call = callOf(attr);
  const args = call ? argumentsOf(call) : null;
  if (!call || !args || args.positional.length !== 1 || args.keywords.size > 0 || args.splat) {
    file.report(attr, "X7-03", "Cert.from_der() was removed in mitmproxy 7; use Cert(x509.load_der_x509_certificate(der)) with x509 from cryptography.");
    return;
  }
  const x509 = file.imports.reach("cryptography.x509", call);
  if (!x509) {
    file.report(call, "X7-03", "Cert.from_der() was removed in mitmproxy 7; use Cert(x509.load_der_x509_certificate(der)) with x509 from cryptography (the name x509 is taken here).");
    return;
  }
  file.replace(call, `${objectOf(attr)!.text}(${x509}.load_der_x509_certificate(${args.positional[0].text}))`);
}

/** X7-01: Cert(<pyOpenSSL X509>) → Cert.from_pyopenssl(…); arguments of unknown origin are reported. */
function certConstructor(file: SourceFile, call: Node): void {
  const args = argumentsOf(call);
  let arg = args.positional.length === 1 && args.keywords.size === 0 ? unparenthesized(args.positional[0]) : null;
  if (arg?.type === "identifier") {
    // pem = OpenSSL.crypto.load_certificate(...); Cert(pem)
    const b = soleBinding(file, arg);
    if (b?.kind === "assignment" && b.value) arg = unparenthesized(b.value);
  }
  if (arg?.type === "call") {
    const fn = arg.childForFieldName("function")!;
    const q = file.imports.resolve(fn) ?? "";
    if (q.startsWith("cryptography.")) return; // already a cryptography certificate
    if (PYOPENSSL_X509.has(q) || (fn.type === "attribute" && PYOPENSSL_METHODS.has(attributeName(fn)!))) {
      file.insert(call.childForFieldName("function")!.endIndex, ".from_pyopenssl");
      return;
    }
  }
  file.report(call, "X7-01", "Cert() takes a cryptography x509.Certificate since mitmproxy 7; if the argument is a pyOpenSSL X509, use Cert.from_pyopenssl(x509).");
}

/** X7-05: cn, organization, altnames, subject and issuer are str (not bytes) since mitmproxy 7. */
function bytesField(file: SourceFile, attr: Node, name: string): void {
  const message =
    name === "altnames"
      ? "Cert.altnames holds str (not bytes) since mitmproxy 7, and is an x509.GeneralNames since 10.1.6"
      : name === "subject" || name === "issuer"
        ? `Cert.${name} is a list of (str, str) pairs (not bytes) since mitmproxy 7`
        : `Cert.${name} is str (not bytes) since mitmproxy 7`;
  const p = attr.parent!;
  if (p.type === "comparison_operator") {
    // b"x" compared directly, or inside a list/tuple/set (cert.cn in (b"a", b"b"))
    const operands = p.namedChildren.filter((c) => c.id !== attr.id && c.type !== "comment").map((n) => unparenthesized(n));
    const isBytes = (c: Node) => c.type === "string" && isBytesLiteral(c);
    const literals = operands.filter(isBytes);
    const inContainers = operands.filter((c) => ["list", "tuple", "set"].includes(c.type)).flatMap((c) => c.namedChildren.filter(isBytes));
    if (literals.length === 0 && inContainers.length === 0) return;
    const ops = p.children.filter((c) => !c.isNamed).map((c) => c.type);
    const plain = literals.every((l) => !l.namedChildren.some((c) => c.type === "escape_sequence"));
    if (name === "cn" && inContainers.length === 0 && ops.length === 1 && ["==", "!="].includes(ops[0]) && plain) {
      for (const l of literals) dropBytesPrefix(file, l);
      return;
    }
    const hint = name === "altnames"
      ? `a b"…" literal never matches; test with a str (7.0–10.1.5) or x509.DNSName("…") (10.1.6+)`
      : `compare it with a str literal instead of b"…"`;
    file.report(attr, "X7-05", `${message}; ${hint}.`);
    return;
  }
  // b"x" in cert.altnames
  const method = p.type === "attribute" && objectOf(p)?.id === attr.id ? attributeName(p) : null;
  if (method === "decode") {
    file.report(attr, "X7-05", `${message}; drop the .decode().`);
  }
}

function dropBytesPrefix(file: SourceFile, literal: Node): void {
  const start = literal.namedChildren.find((c) => c.type === "string_start")!;
  const prefix = start.text.replace(/["']/g, "");
  const i = prefix.search(/[bB]/);
  file.remove({ start: start.startIndex + i, end: start.startIndex + i + 1 });
}
