# Serve certificates from a store of our own.
from mitmproxy import certs, ctx
from mitmproxy.certs import CertStore, CertStoreEntry


class OwnStore:
    def __init__(self):
        CertStore.create_store("/tmp/store", "mitmproxy", 2048, expiry=3600)
        self.store = CertStore.from_store("/tmp/store", "mitmproxy", 2048)
        self.backup = CertStore(None, None, "/tmp/store/chain.pem", None)

    def running(self):
        cert, key, chain = self.store.get_cert("example.com", ["example.com"])
        entry = CertStoreEntry(cert, key, chain)
        self.store.add_cert(entry, "example.com")
        other = ctx.master.server.config.certstore.get_cert(b"test.example", [b"test.example"])
        ctx.log.info(str(other))


addons = [OwnStore()]
