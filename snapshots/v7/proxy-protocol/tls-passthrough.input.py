"""Pass TLS through for listed hosts, with the mitmproxy 6 protocol layers."""
from mitmproxy import ctx
from mitmproxy.proxy.protocol import TlsLayer, RawTCPLayer
from mitmproxy.proxy.config import ProxyConfig

PASSTHROUGH = {"bank.example.com"}


class Passthrough:
    def next_layer(self, layer):
        if isinstance(layer, TlsLayer) and layer.server_conn.address[0] in PASSTHROUGH:
            layer.reply.send(RawTCPLayer(layer.ctx, ignore=True))

    def configure(self, updated):
        ctx.log.info(f"{ProxyConfig.__name__} no longer exists")


addons = [Passthrough()]
