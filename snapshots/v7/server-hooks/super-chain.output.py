"""A base addon that counts open server connections, and a subclass that also logs them."""
from mitmproxy import ctx


class ServerCounter:
    def __init__(self):
        self.open = 0

    def server_connected(self, data):
        self.open += 1

    def server_disconnected(self, data):
        self.open -= 1


class LoggingServerCounter(ServerCounter):
    def server_connected(self, data):
        super().server_connected(data)
        ctx.log.info(f"{self.open} open, newest {data.server.address}")


addons = [LoggingServerCounter()]
