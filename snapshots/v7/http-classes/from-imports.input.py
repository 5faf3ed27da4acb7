from typing import Optional

from mitmproxy.net.http import Headers
from mitmproxy.net.http.request import Request
from mitmproxy.http import HTTPFlow, HTTPResponse


def canned(body: bytes) -> HTTPResponse:
    return HTTPResponse.make(200, body, Headers(content_type="application/json"))


def request(flow: HTTPFlow) -> None:
    req: Optional[Request] = flow.request
    if req is not None and req.path == "/health":
        flow.response = canned(b'{"ok": true}')
