"""Inspects low-level client connection details that mitmproxy 7 no longer exposes."""
from mitmproxy import ctx


class LowLevel:
    def request(self, flow):
        exts = flow.client_conn.tls_extensions or []
        ctx.log.info(f"{len(exts)} TLS extensions")
        if flow.client_conn.state == 0:
            flow.client_conn.tls_established = True
        flow.client_conn.clientcert = None
        ctx.log.info(str(flow.client_conn.rfile))
        ctx.log.info(str(self.pick(flow).client_conn.clientcert))

    def pick(self, flow):
        return flow


addons = [LowLevel()]
