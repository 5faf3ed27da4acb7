"""Look up the client's address in the background and tag later flows (mitmproxy 9)."""
import asyncio

from mitmproxy import connection, http

TAGS: dict[str, str] = {}


async def lookup(addr: str) -> None:
    TAGS[addr] = "pending"
    await asyncio.sleep(0.1)
    TAGS[addr] = "known"


def client_connected(client: connection.Client) -> None:
    asyncio.create_task(lookup(client.peername[0]))
    TAGS[client.peername[0]] = "new"


def request(flow: http.HTTPFlow) -> None:
    flow.comment = TAGS.get(flow.client_conn.peername[0], "")
