"""A base addon that counts clients, and a subclass that also logs them."""
from mitmproxy import ctx


class ClientCounter:
    def __init__(self):
        self.count = 0

    def clientconnect(self, layer):
        self.count += 1

    def clientdisconnect(self, layer):
        self.count -= 1


class VerboseClientCounter(ClientCounter):
    def clientconnect(self, layer):
        super().clientconnect(layer)
        ctx.log.info(f"{self.count} clients, newest {layer.client_conn.address}")


addons = [VerboseClientCounter()]
