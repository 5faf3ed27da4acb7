"""Answer pings from the client ourselves and tell the server when a client joins."""
from mitmproxy import ctx


class EchoBot:
    def websocket_start(self, flow):
        flow.inject_message(flow.server_conn, b"\x01joined")

    def websocket_message(self, flow):
        message = flow.messages[-1]
        if message.from_client and message.content == "ping":
            flow.inject_message(flow.client_conn, "pong")
            reply = self.answer_for(message.content)
            flow.inject_message(flow.client_conn, reply)

    def answer_for(self, text):
        return "you said: " + text


addons = [EchoBot()]
