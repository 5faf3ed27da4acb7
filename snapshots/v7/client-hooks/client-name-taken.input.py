"""Tag flows with the name of the client machine from an inventory."""
from mitmproxy import ctx

INVENTORY = {"192.168.1.20": "build-agent-1", "192.168.1.21": "build-agent-2"}


class ClientNames:
    def clientconnect(self, layer):
        client = INVENTORY.get(layer.client_conn.address[0], "unknown")
        ctx.log.info(f"{client} connected from {layer.client_conn.address}")

    def request(self, flow):
        flow.request.headers["X-Client-Name"] = INVENTORY.get(flow.client_conn.address[0], "unknown")


addons = [ClientNames()]
