"""Block hosts from a list that is refreshed in the background."""
import asyncio

from mitmproxy import http

BLOCKLIST: set[str] = set()


async def load_blocklist(path):
    await asyncio.sleep(0)
    with open(path) as fh:
        BLOCKLIST.update(line.strip() for line in fh if line.strip())


def load(loader):
    loader.add_option("blocklist", str, "", "File with one host per line")


def running():
    asyncio.get_running_loop().create_task(load_blocklist("blocklist.txt"))


async def request(flow: http.HTTPFlow) -> None:
    await asyncio.sleep(0)
    if flow.request.host in BLOCKLIST:
        flow.response = http.Response.make(403, b"blocked")


def done():
    BLOCKLIST.clear()
