"""Answer pings from the client ourselves and tell the server when a client joins."""
from mitmproxy import ctx


class EchoBot:
    def websocket_start(self, flow):
        ctx.master.commands.call("inject.websocket", flow, False, b"\x01joined", False)

    def websocket_message(self, flow):
        message = flow.messages[-1]
        if message.from_client and message.content == "ping":
            ctx.master.commands.call("inject.websocket", flow, True, b"pong", True)
            reply = self.answer_for(message.content)
            ctx.master.commands.call("inject.websocket", flow, True, reply.encode() if isinstance(reply, str) else reply, isinstance(reply, str))

    def answer_for(self, text):
        return "you said: " + text


addons = [EchoBot()]
