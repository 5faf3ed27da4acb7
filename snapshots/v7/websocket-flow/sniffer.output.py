"""Log every WebSocket conversation: who talked, how much, and how it ended."""
from mitmproxy import ctx


class WebSocketSniffer:
    def websocket_start(self, flow):
        host = flow.request.host
        ctx.log.info(f"websocket opened to {host} (protocol {flow.request.headers.get('sec-websocket-protocol')})")

    def websocket_message(self, flow):
        message = flow.websocket.messages[-1]
        direction = "->" if message.from_client else "<-"
        ctx.log.info(f"{direction} {len(message.content)} bytes ({len(flow.websocket.messages)} so far)")

    def websocket_end(self, flow):
        if flow.websocket.closed_by_client:
            who = "client"
        else:
            who = "server"
        state = "closed" if flow.websocket.timestamp_end is not None else "still open"
        ctx.log.info(f"{state}: {flow.websocket.close_code} {flow.websocket.close_reason!r}, closed by {who}")


addons = [WebSocketSniffer()]
