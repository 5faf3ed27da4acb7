"""Keep the last WebSocket flows around for the console's `ws.list` command."""
import typing

from mitmproxy import command, ctx, flow, websocket


class Recent:
    def __init__(self):
        self.flows: typing.List[flow.Flow] = []

    def websocket_start(self, flow: websocket.WebSocketFlow) -> None:
        self.flows.append(flow)

    def update(self, flows):
        for f in flows:
            if f.type == "websocket":
                ctx.log.info(f"updated websocket flow {f.id}")

    @command.command("ws.list")
    def list(self) -> None:
        for f in self.flows:
            if isinstance(f, websocket.WebSocketFlow):
                ctx.log.info(f.id)
            if not isinstance(f, websocket.WebSocketFlow):
                ctx.log.warn("not a websocket flow")


addons = [Recent()]
