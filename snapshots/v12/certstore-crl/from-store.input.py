"""Already fine on mitmproxy 12: from_store() builds the CRL, and the v12 constructor is complete."""
from mitmproxy import certs
from mitmproxy.certs import CertStore


def load(loader):
    loader.add_option("harness_confdir", str, "~/.mitmproxy", "Where the CA lives.")


def running():
    store = CertStore.from_store("~/.mitmproxy", "mitmproxy", 2048)
    crl = certs.dummy_crl(store.default_privatekey, store.default_ca._cert)
    copy = CertStore(store.default_privatekey, store.default_ca, None, crl, store.dhparams)
    print(copy.default_ca.cn)
