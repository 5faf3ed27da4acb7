"""Collect per-server statistics in a dictionary called data."""
from mitmproxy import ctx


class ServerStats:
    def __init__(self):
        self.stats = {}

    def server_connected(self, conn):
        data = self.stats.setdefault(conn.server.address, {"connects": 0})
        data["connects"] += 1
        ctx.log.debug(f"{conn.server.address}: {data}")

    def done(self):
        ctx.log.info(repr(self.stats))


addons = [ServerStats()]
