# Streams large WebSocket connections and reports how they closed.
from mitmproxy import ctx


def websocket_start(flow):
    if "stream" in flow.handshake_flow.request.path:
        flow.stream = True


def websocket_end(flow):
    ctx.log.info("closed by " + flow.close_sender)
    if flow.close_message != "(message missing)":
        ctx.log.warn(flow.close_message)
