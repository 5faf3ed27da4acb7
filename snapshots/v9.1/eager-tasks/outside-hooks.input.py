"""Tasks created at startup by a helper, not in a hook."""
import asyncio

from mitmproxy import http

TASKS = set()


def start(coro):
    task = asyncio.create_task(coro)
    TASKS.add(task)
    task.add_done_callback(TASKS.discard)


async def request(flow: http.HTTPFlow) -> None:
    await asyncio.sleep(0)
    flow.request.headers["x-async"] = "1"
