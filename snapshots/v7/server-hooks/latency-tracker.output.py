"""Measure how long upstream TCP connects take, per server."""
import collections

from mitmproxy import ctx
from mitmproxy.proxy import server_hooks


class ServerLatency:
    def __init__(self):
        self.samples = collections.defaultdict(list)

    def server_connected(self, data: server_hooks.ServerConnectionHookData):
        took = data.server.timestamp_tcp_setup - data.server.timestamp_start
        self.samples[data.server.address].append(took)
        ctx.log.info(f"{data.server.address[0]}: connect took {took * 1000:.0f}ms")

    def server_disconnected(self, data: server_hooks.ServerConnectionHookData):
        host = data.server.address[0]
        samples = self.samples[data.server.address]
        ctx.log.info(f"{host}: {len(samples)} connects, avg {sum(samples) / len(samples):.3f}s")


addons = [ServerLatency()]
