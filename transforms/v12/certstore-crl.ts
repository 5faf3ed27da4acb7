// U12-04 (and X7-11, the same 12.0 break listed with the certificate rows of §2.H):
// CertStore(default_privatekey, default_ca, default_chain_file, dhparams) gained a required
// default_crl before dhparams in mitmproxy 12 (embedding code only).
import { defineTransform } from "../../src/transform.js";
import { argumentsOf } from "../../src/syntax.js";

const CERTSTORE = "mitmproxy.certs.CertStore";

export default defineTransform({
  id: "v12/certstore-crl",
  catalog: ["U12-04", "X7-11"],
  title: "CertStore(key, ca, chain, dhparams) → CertStore(key, ca, chain, default_crl, dhparams) (reported)",
  safety: "safe",
  description:
    "mitmproxy 12 inserted a required `default_crl` parameter into CertStore.__init__ before `dhparams`, " +
    "so a v11 call either fails or passes the DH parameters as the CRL; get_cert() and dummy_cert() gained " +
    "an optional trailing crl_url, which breaks nothing. The CRL has to be produced by the caller " +
    "(certs.dummy_crl(key, ca_cert)) or the store built with CertStore.from_store()/from_files(), so direct " +
    "CertStore(...) calls without default_crl are reported, never rewritten.",
  needs: ["CertStore"],
  run(file) {
    for (const call of file.nodes("call")) {
      if (file.imports.resolve(call.childForFieldName("function")) !== CERTSTORE) continue;
      const args = argumentsOf(call);
      if (args.keywords.has("default_crl") || (!args.splat && args.positional.length >= 5)) continue;
      file.report(
        call,
        "U12-04",
        "CertStore() takes a required default_crl argument (before dhparams) since mitmproxy 12; build the store " +
          "with CertStore.from_store()/CertStore.from_files(), which create the CRL, or pass " +
          "default_crl=certs.dummy_crl(private_key, ca_cert) and dhparams by keyword",
      );
    }
  },
});
