"""Drop WebSocket messages that leak an API token, and count what was dropped."""
from mitmproxy import ctx


class DropSecrets:
    def __init__(self):
        self.dropped = 0

    def websocket_message(self, flow):
        message = flow.messages[-1]
        if b"api_token" in message.content:
            message.kill()
        if message.killed:
            self.dropped += 1
            ctx.log.info(f"dropped message {len(flow.messages)}")

    def websocket_end(self, flow):
        killed = [m for m in flow.messages if m.killed]
        for m in flow.messages:
            if m.killed:
                ctx.log.debug(repr(m))
        ctx.log.info(f"{len(killed)} of {len(flow.messages)} messages dropped")


addons = [DropSecrets()]
