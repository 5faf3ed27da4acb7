# Pin the upstream certificate of a few hosts against copies on disk.
import OpenSSL

from mitmproxy import certs, ctx
from cryptography import x509

PINS = {}


def load_legacy():
    with open("legacy.pem", "rb") as f:
        return OpenSSL.crypto.load_certificate(OpenSSL.crypto.FILETYPE_PEM, f.read())


def load(loader):
    with open("pinned.der", "rb") as f:
        PINS["api.example.com"] = certs.Cert(x509.load_der_x509_certificate(f.read()))
    with open("pinned.pem", "rb") as f:
        pem = OpenSSL.crypto.load_certificate(OpenSSL.crypto.FILETYPE_PEM, f.read())
        PINS["www.example.com"] = certs.Cert.from_pyopenssl(OpenSSL.crypto.load_certificate(OpenSSL.crypto.FILETYPE_PEM, f.read()))
        PINS["old.example.com"] = certs.Cert.from_pyopenssl(pem)
    PINS["legacy.example.com"] = certs.Cert(load_legacy())


def response(flow):
    pinned = PINS.get(flow.request.host)
    if pinned and flow.server_conn.cert != pinned:
        ctx.log.alert(f"certificate of {flow.request.host} does not match the pin")
