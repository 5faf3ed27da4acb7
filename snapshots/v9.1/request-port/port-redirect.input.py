"""Send requests for the staging host to a local port (mitmproxy 9)."""
from mitmproxy import http

STAGING = "staging.example.com"


def request(flow: http.HTTPFlow) -> None:
    if flow.request.pretty_host == STAGING:
        flow.request.host = "127.0.0.1"
        flow.request.port = 8443
