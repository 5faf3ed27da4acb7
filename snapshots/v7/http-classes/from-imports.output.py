from typing import Optional

from mitmproxy.http import Headers
from mitmproxy.http import Request
from mitmproxy.http import HTTPFlow, Response


def canned(body: bytes) -> Response:
    return Response.make(200, body, Headers(content_type="application/json"))


def request(flow: HTTPFlow) -> None:
    req: Optional[Request] = flow.request
    if req is not None and req.path == "/health":
        flow.response = canned(b'{"ok": true}')
