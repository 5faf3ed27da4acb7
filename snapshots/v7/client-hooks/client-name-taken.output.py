"""Tag flows with the name of the client machine from an inventory."""
from mitmproxy import ctx

INVENTORY = {"192.168.1.20": "build-agent-1", "192.168.1.21": "build-agent-2"}


class ClientNames:
    def client_connected(self, layer):
        client = INVENTORY.get(layer.address[0], "unknown")
        ctx.log.info(f"{client} connected from {layer.address}")

    def request(self, flow):
        flow.request.headers["X-Client-Name"] = INVENTORY.get(flow.client_conn.address[0], "unknown")


addons = [ClientNames()]
