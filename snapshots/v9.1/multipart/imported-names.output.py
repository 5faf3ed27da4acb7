"""Count the parts of multipart uploads."""
from mitmproxy import http
from mitmproxy.net.http.multipart import decode_multipart


def request(flow: http.HTTPFlow) -> None:
    parts = decode_multipart(flow.request.headers.get("content-type"), flow.request.content)
    flow.metadata["parts"] = len(parts)
