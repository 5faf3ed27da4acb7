"""Drop WebSocket messages that contain blocked words (written for mitmproxy 7)."""
import re

from mitmproxy import http

BLOCKED = re.compile(rb"(password|token)=\w+")


def websocket_message(flow: http.HTTPFlow) -> None:
    assert flow.websocket is not None
    if BLOCKED.search(flow.websocket.messages[-1].content):
        flow.websocket.messages[-1].drop()
        return
    message = flow.websocket.messages[-1]
    if message.content == b"ping":
        message.drop()


def websocket_end(flow: http.HTTPFlow) -> None:
    for m in flow.websocket.messages[-10:]:
        if m.dropped:
            continue
        if len(m.content) > 1_000_000:
            m.drop()
