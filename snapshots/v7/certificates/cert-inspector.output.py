"""Warn about upstream certificates that are expired or issued for the wrong name."""
from mitmproxy import ctx


class CertInspector:
    def response(self, flow):
        cert = flow.server_conn.cert
        if cert is None:
            return
        if cert.has_expired():
            ctx.log.warn(f"{flow.request.host}: certificate expired")
        if cert.cn != "example.com" and b"example.com" not in cert.altnames:
            ctx.log.warn(f"unexpected certificate for {cert.cn.decode()}")
        if cert.cn in (b"localhost", b"127.0.0.1"):
            return
        serial = cert.to_pyopenssl().get_serial_number()
        ctx.log.info(f"serial {serial}, sha256 {cert.digest('sha256')}")
        for c in flow.server_conn.server_certs:
            if c.organization == b"Evil CA" or c.has_expired():
                flow.kill()


addons = [CertInspector()]
