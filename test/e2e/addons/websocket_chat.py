"""Moderate a WebSocket chat: drop messages with banned words, greet new clients."""
from mitmproxy import ctx, websocket

BANNED = ("spam", "scam")


class Moderator:
    def websocket_start(self, flow: websocket.WebSocketFlow):
        ctx.log.info("chat opened: %s" % flow.handshake_flow.request.pretty_url)
        flow.inject_message(flow.client_conn, "Welcome to the chat!")

    def websocket_message(self, flow: websocket.WebSocketFlow):
        message = flow.messages[-1]
        if message.from_client and any(word in message.content for word in BANNED):
            message.kill()
            ctx.log.warn("dropped a message from %s" % (flow.client_conn.address[0],))

    def websocket_error(self, flow):
        ctx.log.error("chat error: %s" % flow.error)

    def websocket_end(self, flow):
        ctx.log.info("chat closed (%s) after %d messages" % (flow.close_code, len(flow.messages)))


addons = [Moderator()]
