"""Refuse uploads larger than 10 MB."""
from mitmproxy import http
from mitmproxy.net.http import status_codes

LIMIT = 10 * 1024 * 1024


def requestheaders(flow: http.HTTPFlow):
    if int(flow.request.headers.get("content-length", 0)) > LIMIT:
        flow.response = http.Response.make(
            status_codes.REQUEST_ENTITY_TOO_LARGE,
            status_codes.RESPONSES[status_codes.REQUEST_ENTITY_TOO_LARGE],
        )
