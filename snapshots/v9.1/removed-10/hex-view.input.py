"""Show payloads of a binary protocol as hex, and keep flow state (mitmproxy 9)."""
from mitmproxy import contentviews, http
from mitmproxy.contentviews.hex import ViewHex
from mitmproxy.net import udp
from mitmproxy.stateobject import StateObject


class Counter(StateObject):
    _stateobject_attributes = dict(count=int)

    def __init__(self):
        self.count = 0


class BinaryHex(ViewHex):
    name = "Binary Hex"


def response(flow: http.HTTPFlow) -> None:
    view = contentviews.get("Hex")
    if view and flow.response.headers.get("content-type") == "application/x-binary":
        flow.metadata["hex"] = view(flow.response.content)
    flow.metadata["udp"] = udp.__name__
