# Hashes and certificates that are not mitmproxy.certs.Cert objects, or already mitmproxy 7 code.
import hashlib

from cryptography import x509

from mitmproxy import certs, ctx


class Audit:
    def __init__(self):
        self.cert = "/etc/ssl/client.pem"

    def response(self, flow):
        digest = hashlib.sha256(flow.response.raw_content or b"").digest()
        cert = flow.server_conn.cert
        if cert and cert.has_expired():
            ctx.log.warn("expired")
        if cert and cert.cn == "example.com":
            ctx.log.info(digest.hex() + self.cert)
        with open("ca.pem", "rb") as f:
            ca = certs.Cert(x509.load_pem_x509_certificate(f.read()))
            ctx.log.info(str(ca.to_pyopenssl().get_subject()))
