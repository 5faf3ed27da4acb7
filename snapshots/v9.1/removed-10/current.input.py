"""Uses the 10.x views."""
from mitmproxy import contentviews, http
from mitmproxy.contentviews.hex import ViewHexDump


def response(flow: http.HTTPFlow) -> None:
    view = contentviews.get("Hex Dump") or ViewHexDump()
    flow.metadata["hexdump"] = view(flow.response.content)
