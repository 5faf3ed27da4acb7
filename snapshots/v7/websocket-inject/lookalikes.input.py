# A message bus with an inject_message method of its own; mitmproxy 7 already injects via commands.
from mitmproxy import ctx


class Bus:
    def inject_message(self, text):
        print(text)


bus = Bus()


def websocket_message(flow):
    bus.inject_message("seen a message")
    ctx.master.commands.call("inject.websocket", flow, True, b"hi", False)
