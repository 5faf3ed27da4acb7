"""A base addon that counts clients, and a subclass that also logs them."""
from mitmproxy import ctx


class ClientCounter:
    def __init__(self):
        self.count = 0

    def client_connected(self, client):
        self.count += 1

    def client_disconnected(self, client):
        self.count -= 1


class VerboseClientCounter(ClientCounter):
    def client_connected(self, client):
        super().client_connected(client)
        ctx.log.info(f"{self.count} clients, newest {client.address}")


addons = [VerboseClientCounter()]
