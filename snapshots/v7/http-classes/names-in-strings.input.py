"""Explains the old API in its docstring: use http.HTTPResponse.make(...) before mitmproxy 7."""
from mitmproxy import http

# from mitmproxy.net.http import Headers  (the mitmproxy 6 way)
HELP = "replace http.HTTPResponse with http.Response and mitmproxy.net.http with mitmproxy.http"


def response(flow: http.HTTPFlow):
    flow.response.headers["x-note"] = "HTTPResponse"
