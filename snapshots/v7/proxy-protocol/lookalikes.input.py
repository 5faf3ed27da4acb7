"""mitmproxy 7's new proxy modules, which are fine to import."""
from mitmproxy import ctx
from mitmproxy.proxy import layers, server_hooks
from mitmproxy.proxy.layer import NextLayer


class Passthrough:
    def next_layer(self, nextlayer: NextLayer):
        # mitmproxy.proxy.protocol.TlsLayer was the mitmproxy 6 way
        ctx.log.debug(f"{type(nextlayer.layer).__name__} {layers.TCPLayer.__name__}")

    def server_connected(self, data: server_hooks.ServerConnectionHookData):
        ctx.log.debug("mitmproxy.proxy.protocol is gone")


addons = [Passthrough()]
