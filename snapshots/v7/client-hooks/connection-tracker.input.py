"""Keep a table of connected clients and refuse clients from a deny list."""
import time

from mitmproxy import ctx
from mitmproxy.proxy.protocol import Layer

DENY = {"10.0.0.66", "10.0.0.67"}


class ConnectionTracker:
    def __init__(self):
        self.connected = {}

    def clientconnect(self, layer: Layer):
        host, port = layer.client_conn.address
        if host in DENY:
            ctx.log.warn(f"refusing {host}")
            layer.reply.kill()
            return
        self.connected[layer.client_conn.id] = time.time()

    def clientdisconnect(self, layer: Layer) -> None:
        started = self.connected.pop(layer.client_conn.id, None)
        if started is not None:
            ctx.log.info(f"{layer.client_conn.address[0]} stayed {time.time() - started:.1f}s")


addons = [ConnectionTracker()]
