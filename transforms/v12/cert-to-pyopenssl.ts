// U12-03 (and the Cert.to_pyopenssl bullet of §9): deprecated in 12.0.1 in favour of to_cryptography().
import { defineTransform } from "../../src/transform.js";
import { argumentsOf, attributeName, callOf } from "../../src/syntax.js";

export default defineTransform({
  id: "v12/cert-to-pyopenssl",
  catalog: ["U12-03"],
  title: "Cert.to_pyopenssl() → Cert.to_cryptography() (reported)",
  safety: "safe",
  description:
    "mitmproxy 12.0.1 deprecated Cert.to_pyopenssl() (hidden DeprecationWarning) and added " +
    "Cert.to_cryptography(), which returns a cryptography x509.Certificate. The two objects share " +
    "almost no API (get_subject() vs .subject, get_notAfter() vs .not_valid_after_utc, …), so every " +
    "call is reported with a hint rather than rewritten. This also covers the Cert.to_pyopenssl() " +
    "bullet of MIGRATIONS.md §9.",
  needs: ["to_pyopenssl"],
  run(file) {
    for (const attr of file.nodes("attribute")) {
      if (attributeName(attr) !== "to_pyopenssl") continue;
      const call = callOf(attr);
      if (!call || argumentsOf(call).positional.length > 0 || argumentsOf(call).keywords.size > 0) continue;
      file.report(
        call,
        "U12-03",
        "Cert.to_pyopenssl() is deprecated since mitmproxy 12.0.1; use Cert.to_cryptography(), which returns a " +
          "cryptography x509.Certificate, and port the pyOpenSSL calls made on the result (get_subject().CN → " +
          ".subject.get_attributes_for_oid(NameOID.COMMON_NAME), get_notAfter() → .not_valid_after_utc, …)",
      );
    }
  },
});
