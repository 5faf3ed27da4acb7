"""A base addon that counts open server connections, and a subclass that also logs them."""
from mitmproxy import ctx


class ServerCounter:
    def __init__(self):
        self.open = 0

    def serverconnect(self, conn):
        self.open += 1

    def serverdisconnect(self, conn):
        self.open -= 1


class LoggingServerCounter(ServerCounter):
    def serverconnect(self, conn):
        super().serverconnect(conn)
        ctx.log.info(f"{self.open} open, newest {conn.address}")


addons = [LoggingServerCounter()]
