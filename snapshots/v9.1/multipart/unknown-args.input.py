"""Multipart calls whose first argument the tool cannot classify."""
from mitmproxy import http
from mitmproxy.net.http import multipart


def parse(message: http.Message, ct):
    return multipart.decode(ct, message.content)


def request(flow: http.HTTPFlow) -> None:
    flow.metadata["parts"] = parse(flow.request, flow.request.headers.get("content-type"))
    flow.metadata["raw"] = multipart.encode(head=flow.request.headers, l=[])
