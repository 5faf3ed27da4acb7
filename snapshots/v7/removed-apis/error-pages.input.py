"""Answer blocked hosts with mitmproxy's built-in error page."""
from mitmproxy import http
from mitmproxy.http import make_error_response, make_connect_request

BLOCKED = {"tracker.example"}


def request(flow: http.HTTPFlow):
    if flow.request.pretty_host in BLOCKED:
        flow.response = make_error_response(403, "Blocked by policy")
    elif flow.request.path == "/teapot":
        flow.response = http.make_error_response(418, "I'm a teapot")
