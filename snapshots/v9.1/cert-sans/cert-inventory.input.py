"""Record the DNS names of upstream certificates and pre-generate leaf certs (mitmproxy 9)."""
from mitmproxy import certs, ctx, http


class CertInventory:
    def __init__(self):
        self.names = {}

    def response(self, flow: http.HTTPFlow) -> None:
        for cert in flow.server_conn.certificate_list:
            self.names[flow.request.host] = sorted(cert.altnames)

    def running(self):
        store = ctx.master.addons.get("tlsconfig").certstore
        store.get_cert("example.com", ["example.com", "www.example.com"])
        ctx.master.addons.get("tlsconfig").certstore.get_cert("api.example.com", sans=["api.example.com"])

    def make(self, key, ca):
        return certs.dummy_cert(key, ca, "internal.example", ["internal.example"])


addons = [CertInventory()]
