# Counts raw TCP messages and keeps a summary of WebSocket flows that are already on mitmproxy 7.
# (flow.messages used to hold the WebSocket messages; now it is flow.websocket.messages.)
from mitmproxy import ctx, http, tcp


class Counter:
    def __init__(self):
        self.messages = []
        self.ended = False

    def tcp_message(self, flow: tcp.TCPFlow):
        self.messages.append(len(flow.messages[-1].content))

    def websocket_message(self, flow: http.HTTPFlow):
        assert flow.websocket is not None
        last = flow.websocket.messages[-1]
        ctx.log.info("flow.messages: %d" % len(flow.websocket.messages))
        if last.from_client and flow.websocket.close_code is None:
            self.summarize(flow)

    def summarize(self, flow):
        ctx.log.info(f"{len(flow.messages)} messages, ended={self.ended}")

    def done(self):
        self.ended = True


addons = [Counter()]
