"""Header filters configured from a mapping (written for Python 3.8)."""
import asyncio
import collections

from mitmproxy import http

RULES: collections.Mapping = {"x-debug": "drop"}


async def slow(flow: http.HTTPFlow):
    await asyncio.sleep(0.5, loop=asyncio.get_event_loop())


def request(flow: http.HTTPFlow) -> None:
    for name, action in RULES.items():
        if action == "drop":
            flow.request.headers.pop(name, None)
    if isinstance(flow.metadata.get("extra"), collections.MutableMapping):
        flow.metadata["extra"].clear()


from collections import Iterable  # noqa: E402
