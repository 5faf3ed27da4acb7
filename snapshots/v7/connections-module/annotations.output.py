"""Per-connection byte counters, typed with the mitmproxy 6 connection classes."""
import typing

from mitmproxy import connection, ctx, http


class ByteCounter:
    def __init__(self):
        self.by_client: typing.Dict[str, int] = {}

    def owner(self, conn: connection.Client) -> str:
        return conn.address[0]

    def response(self, flow: http.HTTPFlow):
        key = self.owner(flow.client_conn)
        self.by_client[key] = self.by_client.get(key, 0) + len(flow.response.raw_content or b"")
        if isinstance(flow.server_conn, connection.Server):
            ctx.log.debug(f"{key}: {self.by_client[key]} bytes")


addons = [ByteCounter()]
