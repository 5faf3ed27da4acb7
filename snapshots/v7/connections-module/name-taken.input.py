"""Forward flow summaries to a collector with an HTTP client called Client."""
from httpx import Client

from mitmproxy.connections import ClientConnection

collector = Client(base_url="http://collector.local")


def peer(conn: ClientConnection) -> str:
    return "%s:%d" % conn.address


def response(flow):
    collector.post("/flows", json={"peer": peer(flow.client_conn), "url": flow.request.url})
