"""Measure how long upstream TCP connects take, per server."""
import collections

from mitmproxy import connections, ctx


class ServerLatency:
    def __init__(self):
        self.samples = collections.defaultdict(list)

    def serverconnect(self, conn: connections.ServerConnection):
        took = conn.timestamp_tcp_setup - conn.timestamp_start
        self.samples[conn.address].append(took)
        ctx.log.info(f"{conn.address[0]}: connect took {took * 1000:.0f}ms")

    def serverdisconnect(self, conn: connections.ServerConnection):
        host = conn.address[0]
        samples = self.samples[conn.address]
        ctx.log.info(f"{host}: {len(samples)} connects, avg {sum(samples) / len(samples):.3f}s")


addons = [ServerLatency()]
