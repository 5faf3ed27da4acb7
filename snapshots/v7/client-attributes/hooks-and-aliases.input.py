"""Already uses the mitmproxy 7 hooks, but still the old attribute names."""
from mitmproxy import ctx


class Peers:
    def client_connected(self, client):
        ctx.log.info(f"client {client.address[0]} connected")

    def server_connected(self, data):
        ctx.log.info(f"{data.client.address} -> {data.server.address}")

    def responseheaders(self, flow):
        conn = flow.client_conn
        if conn.tls_established:
            ctx.log.info(f"{conn.address[0]} speaks {conn.cipher_name}")


addons = [Peers()]
