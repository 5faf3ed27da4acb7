from typing import List, Optional

from mitmproxy.websocket import WebSocketFlow, WebSocketMessage
from mitmproxy.http import HTTPFlow

History = List[WebSocketFlow]


def first_text(flow: HTTPFlow) -> Optional[WebSocketMessage]:
    for m in flow.messages:
        if isinstance(m.content, str):
            return m
    return None


def websocket_message(flow: HTTPFlow):
    if isinstance(flow, (WebSocketFlow,)):
        first_text(flow)


def done():
    pending: History = []
    if any(x.type == "websocket" for x in pending):
        print(WebSocketFlow.__name__)
