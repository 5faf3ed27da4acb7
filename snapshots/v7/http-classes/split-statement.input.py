"""Serve a maintenance page while the backend is being deployed."""
from mitmproxy.net.http import Headers, status_codes, cookies
from mitmproxy.http import HTTPFlow, HTTPRequest as Req, HTTPResponse as Resp

MAINTENANCE = b"<h1>Back soon</h1>"


def request(flow: HTTPFlow):
    req: Req = flow.request
    if cookies.group_cookies(req.headers.get_all("cookie")):
        return
    flow.response = Resp.make(
        status_codes.SERVICE_UNAVAILABLE,
        MAINTENANCE,
        Headers(content_type="text/html", retry_after="120"),
    )
