"""Already passes x509.GeneralNames; a cache's get_cert is unrelated."""
from cryptography import x509

from mitmproxy import certs, ctx

cache = {}


def running():
    store: certs.CertStore = ctx.master.addons.get("tlsconfig").certstore
    store.get_cert("api.example.com", x509.GeneralNames([x509.DNSName("api.example.com")]))
    store.get_cert("b.example.com", [x509.DNSName("b.example.com")])
    cache.get("cert", ["not", "sans"])
