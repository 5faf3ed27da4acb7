"""Keep a table of connected clients and refuse clients from a deny list."""
import time

from mitmproxy import ctx, connection

DENY = {"10.0.0.66", "10.0.0.67"}


class ConnectionTracker:
    def __init__(self):
        self.connected = {}

    def client_connected(self, client: connection.Client):
        host, port = client.address
        if host in DENY:
            ctx.log.warn(f"refusing {host}")
            client.error = "Connection killed."
            return
        self.connected[client.id] = time.time()

    def client_disconnected(self, client: connection.Client) -> None:
        started = self.connected.pop(client.id, None)
        if started is not None:
            ctx.log.info(f"{client.address[0]} stayed {time.time() - started:.1f}s")


addons = [ConnectionTracker()]
