"""Uses urllib's urlunparse and a local unparse helper; neither is mitmproxy's url.unparse."""
from urllib.parse import urlunparse

from mitmproxy import http


def unparse(scheme, host, port):
    return f"{scheme}://{host}:{port}"


def request(flow: http.HTTPFlow) -> None:
    flow.request.headers["x-origin"] = unparse("https", flow.request.host, 443)
    flow.request.headers["x-full"] = urlunparse(("https", flow.request.host, "/", "", "", ""))
