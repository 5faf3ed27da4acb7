"""Rewrite a field of multipart/form-data uploads (written for mitmproxy 10)."""
from mitmproxy import http
from mitmproxy.net.http import multipart
from mitmproxy.net.http.multipart import decode_multipart


def request(flow: http.HTTPFlow) -> None:
    ctype = flow.request.headers.get("content-type", "")
    if not ctype.startswith("multipart/form-data"):
        return
    fields = decode_multipart(ctype, flow.request.content)
    fields = [(k, b"[redacted]" if k == b"password" else v) for k, v in fields]
    flow.request.content = multipart.encode_multipart(flow.request.headers.get("content-type"), fields)


def response(flow: http.HTTPFlow) -> None:
    parts = multipart.decode_multipart(flow.response.headers.get("content-type"), flow.response.content)
    flow.response.headers["x-parts"] = str(len(parts))
