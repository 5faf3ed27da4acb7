# Adds a security header to every response and rewrites legacy API requests.
from mitmproxy import http as mhttp
from mitmproxy import http


def request(flow: mhttp.HTTPFlow):
    if flow.request.path.startswith("/v1/"):
        flow.request.path = "/v2/" + flow.request.path[4:]
        flow.request.headers = http.Headers(host=flow.request.host, accept="application/json")


def response(flow: mhttp.HTTPFlow):
    if isinstance(flow.response, http.Response):
        flow.response.headers["Strict-Transport-Security"] = "max-age=31536000"
