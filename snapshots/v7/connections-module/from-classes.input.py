"""Describe both ends of each flow."""
from typing import Optional

from mitmproxy import ctx
from mitmproxy.connections import ClientConnection, ServerConnection as Upstream


def describe(client: ClientConnection, server: Optional[Upstream]) -> str:
    return f"{client.address} -> {server.address if server else '?'}"


def response(flow):
    ctx.log.info(describe(flow.client_conn, flow.server_conn))
