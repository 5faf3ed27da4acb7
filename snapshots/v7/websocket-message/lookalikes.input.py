# Kill flows and TCP messages that are too large; nothing here is a WebSocket message.
from mitmproxy import ctx


def tcp_message(flow):
    message = flow.messages[-1]
    if "password" in message.content.decode(errors="ignore"):
        message.content = b"[redacted]"


def websocket_message(flow):
    if len(flow.websocket.messages) > 1000:
        flow.kill()
    last = flow.websocket.messages[-1]
    if b"\x00" in last.content:
        ctx.log.warn("binary frame with NUL bytes")


def request(flow):
    if flow.request.content and "killed" in flow.request.text:
        flow.kill()
