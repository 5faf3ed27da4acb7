"""Already renamed by hand, but still reading the mitmproxy 6 layer's server connection."""
from mitmproxy import connection, ctx


class PeerLogger:
    def client_connected(self, client: connection.Client):
        ctx.log.info(f"client {client.peername} via {client.server_conn}")

    def client_disconnected(self, client: connection.Client):
        ctx.log.info(f"client {client.peername} left after {client.timestamp_end - client.timestamp_start:.1f}s")


addons = [PeerLogger()]
