"""Pre-generate certificates for a few hosts at startup (mitmproxy 10.0 style SANs)."""
from mitmproxy import certs, ctx

HOSTS = ["api.example.com", "cdn.example.com"]


class Pregenerate:
    def running(self):
        store: certs.CertStore = ctx.master.addons.get("tlsconfig").certstore
        for host in HOSTS:
            store.get_cert(host, [host, f"www.{host}"])
        store.get_cert("internal", sans=["10.0.0.1", "internal.example"])
        ca = store.default_ca
        certs.dummy_cert(store.default_privatekey, ca._cert, "wild", [f"*.{h}" for h in HOSTS])


addons = [Pregenerate()]
