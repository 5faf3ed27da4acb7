"""Hand every new client to a rate limiter that inspects the protocol layer."""
from mitmproxy import ctx


class RateLimiter:
    def __init__(self):
        self.buckets = {}

    def clientconnect(self, layer):
        self.admit(layer)

    def clientdisconnect(self, layer):
        if layer.client_conn.address in self.buckets:
            layer = layer.ctx
        ctx.log.info(f"closed {layer}")

    def admit(self, layer):
        self.buckets.setdefault(layer.client_conn.address, 10)


addons = [RateLimiter()]
