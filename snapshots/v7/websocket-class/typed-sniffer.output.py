"""Keep the last WebSocket flows around for the console's `ws.list` command."""
import typing

from mitmproxy import command, ctx, flow
from mitmproxy.http import HTTPFlow


class Recent:
    def __init__(self):
        self.flows: typing.List[flow.Flow] = []

    def websocket_start(self, flow: HTTPFlow) -> None:
        self.flows.append(flow)

    def update(self, flows):
        for f in flows:
            if isinstance(f, HTTPFlow) and f.websocket is not None:
                ctx.log.info(f"updated websocket flow {f.id}")

    @command.command("ws.list")
    def list(self) -> None:
        for f in self.flows:
            if isinstance(f, HTTPFlow) and f.websocket is not None:
                ctx.log.info(f.id)
            if not (isinstance(f, HTTPFlow) and f.websocket is not None):
                ctx.log.warn("not a websocket flow")


addons = [Recent()]
