"""Reads the port; a server address object with a port of its own."""
from mitmproxy import http


class Backend:
    port = 9000


def request(flow: http.HTTPFlow) -> None:
    backend = Backend()
    backend.port = flow.request.port + 1
    flow.request.headers["x-original-port"] = str(flow.request.port)
