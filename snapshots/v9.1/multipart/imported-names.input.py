"""Count the parts of multipart uploads."""
from mitmproxy import http
from mitmproxy.net.http.multipart import decode


def request(flow: http.HTTPFlow) -> None:
    parts = decode(flow.request.headers.get("content-type"), flow.request.content)
    flow.metadata["parts"] = len(parts)
