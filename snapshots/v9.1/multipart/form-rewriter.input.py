"""Redact the password field of multipart login forms (mitmproxy 9)."""
from mitmproxy import http
from mitmproxy.net.http import multipart


def request(flow: http.HTTPFlow) -> None:
    if not flow.request.path.startswith("/login"):
        return
    ctype = flow.request.headers.get("content-type", "")
    parts = multipart.decode(ctype, flow.request.content)
    redacted = [(k, b"***" if k == b"password" else v) for k, v in parts]
    flow.request.content = multipart.encode(flow.request.headers, redacted)
    flow.metadata["fields"] = multipart.decode(flow.request.headers["content-type"], flow.request.content)
