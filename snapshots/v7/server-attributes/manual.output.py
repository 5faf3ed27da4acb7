"""Switches upstream proxies and checks verification the mitmproxy 6 way."""
from mitmproxy import ctx, http


class UpstreamSwitch:
    def request(self, flow: http.HTTPFlow):
        if flow.request.host.endswith(".corp"):
            if flow.server_conn.via and flow.server_conn.via.address != ("corp-proxy", 3128):
                flow.server_conn.address = ("corp-proxy", 3128)
        if flow.server_conn.ssl_verification_error:
            ctx.log.warn(str(flow.server_conn.ssl_verification_error))
        flow.server_conn.tls_established = False
        flow.server_conn.cert = None

    def response(self, flow: http.HTTPFlow):
        if not flow.server_conn.connected:
            flow.server_conn.connect()


addons = [UpstreamSwitch()]
