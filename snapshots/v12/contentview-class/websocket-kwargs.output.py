"""Show JSON-RPC WebSocket frames, with the direction taken from the message."""
import json

from mitmproxy import contentviews


class ViewJsonRpcFrame(contentviews.Contentview):
    name = "JSON-RPC frame"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        message = metadata.websocket_message
        arrow = "->" if message is not None and message.from_client else "<-"
        obj = json.loads(data)
        host = metadata.flow.request.pretty_host if metadata.flow else "?"
        return f"{arrow} {host}: {obj.get('method', obj.get('id'))}"

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        if metadata.websocket_message is None:
            return 0
        return 0.9 if data[:1] == b"{" and b'"jsonrpc"' in data else 0


view = ViewJsonRpcFrame()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
