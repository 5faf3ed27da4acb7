"""Redirect plain-HTTP requests for a few hosts to their HTTPS origin."""
from mitmproxy import http
from mitmproxy.net.http import url

UPGRADE = {"example.com", "api.example.com"}


def request(flow: http.HTTPFlow) -> None:
    req = flow.request
    if req.scheme == "http" and req.pretty_host in UPGRADE:
        origin = url.unparse("https", req.pretty_host, 443)
        target = url.unparse("https", req.pretty_host, 443, req.path)
        flow.response = http.Response.make(301, b"", {"Location": target, "X-Origin": origin})


def response(flow: http.HTTPFlow) -> None:
    base = url.unparse(scheme="https", host=flow.request.pretty_host, port=flow.request.port)
    flow.response.headers["X-Canonical"] = base
