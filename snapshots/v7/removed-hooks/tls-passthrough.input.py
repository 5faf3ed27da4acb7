"""Pass TLS through unmodified for hosts where interception failed before."""
from mitmproxy import ctx
from mitmproxy.proxy.protocol import TlsLayer, RawTCPLayer


class TlsPassthrough:
    def __init__(self):
        self.failed = set()

    def next_layer(self, layer):
        if isinstance(layer, TlsLayer):
            server_address = layer.server_conn.address
            if server_address in self.failed:
                ctx.log.info(f"passing through {server_address}")
                layer.reply.send(RawTCPLayer(layer.ctx, ignore=True))

    def tcp_start(self, flow):
        ctx.log.debug("raw TCP flow")


addons = [TlsPassthrough()]
