"""Look up each request's host in a slow reputation service without blocking the proxy."""
import threading

import requests
from mitmproxy import http
from mitmproxy.controller import DummyReply
from mitmproxy.script import concurrent


def check(flow: http.HTTPFlow) -> None:
    verdict = requests.get("https://reputation.internal/check", params={"host": flow.request.host}).json()
    if verdict.get("bad"):
        flow.response = http.Response.make(403, b"blocked by reputation check")
    flow.reply.commit()


def request(flow: http.HTTPFlow) -> None:
    if isinstance(flow.reply, DummyReply):
        return
    flow.reply.take()
    threading.Thread(target=check, args=(flow,)).start()


@concurrent
def response(flow: http.HTTPFlow) -> None:
    flow.reply.ack()
    flow.reply.commit()
