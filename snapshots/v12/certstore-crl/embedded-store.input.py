"""Embed mitmproxy's certificate store to mint certificates for a test harness."""
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from mitmproxy import certs

CONFDIR = Path("~/.mitmproxy").expanduser()


def load_store() -> certs.CertStore:
    raw = (CONFDIR / "mitmproxy-ca.pem").read_bytes()
    key = load_pem_private_key(raw, None)
    ca = certs.Cert(x509.load_pem_x509_certificate(raw))
    dh = certs.CertStore.load_dhparam(CONFDIR / "mitmproxy-dhparam.pem")
    return certs.CertStore(key, ca, None, dh)


def load_store_by_keyword(key, ca, dh) -> certs.CertStore:
    return certs.CertStore(default_privatekey=key, default_ca=ca, default_chain_file=None, dhparams=dh)


def running():
    store = load_store()
    entry = store.get_cert("example.com", x509.GeneralNames([x509.DNSName("example.com")]))
    print(entry.cert.cn)
