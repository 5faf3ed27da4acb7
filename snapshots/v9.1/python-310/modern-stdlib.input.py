"""collections.abc and collections.OrderedDict are fine on Python 3.10+."""
import asyncio
import collections
from collections.abc import Mapping

from mitmproxy import http

RULES: Mapping = collections.OrderedDict(x_debug="drop")


async def request(flow: http.HTTPFlow) -> None:
    await asyncio.sleep(0)
    loop = asyncio.get_running_loop()
    flow.metadata["loop"] = id(loop)
