"""Log WebSocket and raw TCP traffic; drop WebSocket messages that contain a secret."""
from mitmproxy import ctx


def websocket_start(flow):
    ctx.log.info("websocket opened: %s" % flow.handshake_flow.request.pretty_url)


def websocket_message(flow):
    message = flow.messages[-1]
    direction = "->" if message.from_client else "<-"
    ctx.log.info("%s %r" % (direction, message.content[:80]))
    if "secret" in message.content:
        message.kill()
        ctx.log.warn("dropped a message that contains a secret")


def websocket_end(flow):
    ctx.log.info("websocket closed with code %s after %d messages" % (flow.close_code, len(flow.messages)))


def tcp_message(flow):
    message = flow.messages[-1]
    direction = "->" if message.from_client else "<-"
    ctx.log.info("tcp %s %s: %d bytes" % (direction, flow.server_conn.address[0], len(message.content)))
