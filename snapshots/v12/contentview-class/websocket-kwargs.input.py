"""Show JSON-RPC WebSocket frames, with the direction taken from the message."""
import json

from mitmproxy import contentviews


class ViewJsonRpcFrame(contentviews.View):
    name = "JSON-RPC frame"

    def __call__(self, data, *, flow=None, **unknown_metadata):
        message = unknown_metadata.get("websocket_message")
        arrow = "->" if message is not None and message.from_client else "<-"
        obj = json.loads(data)
        host = flow.request.pretty_host if flow else "?"
        return "JSON-RPC", contentviews.format_text(f"{arrow} {host}: {obj.get('method', obj.get('id'))}")

    def render_priority(self, data, **unknown_metadata):
        if unknown_metadata.get("websocket_message") is None:
            return 0
        return 0.9 if data[:1] == b"{" and b'"jsonrpc"' in data else 0


view = ViewJsonRpcFrame()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
