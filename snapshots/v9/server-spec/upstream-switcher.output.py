"""Send requests for internal hosts through the office proxy, others through the cloud proxy."""
from mitmproxy import ctx, http
from mitmproxy.connection import Server

OFFICE = ("proxy.office.example", 3128)
CLOUD = ("proxy.cloud.example", 8080)


def pick(host: str) -> tuple[str, int]:
    return OFFICE if host.endswith(".corp.example") else CLOUD


def request(flow: http.HTTPFlow) -> None:
    address = pick(flow.request.host)
    if flow.server_conn.via[1] != address:
        if flow.server_conn.timestamp_start:
            flow.server_conn = Server(flow.server_conn.address)
        flow.server_conn.via = ("http", address)
        ctx.log.info(f"{flow.request.host} via {flow.server_conn.via[0]}://{address[0]}")
