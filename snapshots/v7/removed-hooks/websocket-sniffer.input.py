"""Log WebSocket traffic, including handshakes and errors."""
from mitmproxy import ctx, http, websocket


class WebSocketSniffer:
    def websocket_handshake(self, flow: http.HTTPFlow):
        ctx.log.info(f"handshake with {flow.request.host}")

    def websocket_start(self, flow: websocket.WebSocketFlow):
        ctx.log.info("websocket started")

    def websocket_message(self, flow: websocket.WebSocketFlow):
        ctx.log.info(f"message: {flow.messages[-1].content!r}")

    def websocket_error(self, flow: websocket.WebSocketFlow):
        ctx.log.error(f"websocket error: {flow.error}")

    def websocket_end(self, flow: websocket.WebSocketFlow):
        ctx.log.info("websocket closed")


addons = [WebSocketSniffer()]
