"""Log which upstream a client is bound to (mitmproxy 6 root layers knew both ends)."""
from mitmproxy import ctx


class UpstreamReporter:
    def clientconnect(self, layer):
        client = layer.client_conn
        ctx.log.info(f"{client.address[0]} connected")
        if layer.server_conn.address:
            ctx.log.info(f"bound to upstream {layer.server_conn.address}")
        ctx.log.debug(f"proxy mode {layer.mode}")

    def request(self, flow):
        flow.request.headers["X-Proxied"] = "1"


addons = [UpstreamReporter()]
