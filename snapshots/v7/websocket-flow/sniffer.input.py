"""Log every WebSocket conversation: who talked, how much, and how it ended."""
from mitmproxy import ctx


class WebSocketSniffer:
    def websocket_start(self, flow):
        host = flow.handshake_flow.request.host
        ctx.log.info(f"websocket opened to {host} (protocol {flow.client_protocol})")

    def websocket_message(self, flow):
        message = flow.messages[-1]
        direction = "->" if message.from_client else "<-"
        ctx.log.info(f"{direction} {len(message.content)} bytes ({len(flow.messages)} so far)")

    def websocket_end(self, flow):
        if flow.close_sender == "client":
            who = "client"
        else:
            who = "server"
        state = "closed" if flow.ended else "still open"
        ctx.log.info(f"{state}: {flow.close_code} {flow.close_reason!r}, closed by {who}")


addons = [WebSocketSniffer()]
