"""Block requests to tracking hosts; `log` here is the script's own helper."""
from mitmproxy import http

TRACKERS = ("doubleclick.net", "google-analytics.com")


def log(msg):
    print("[tracker-block]", msg)


def request(flow: http.HTTPFlow):
    if flow.request.pretty_host.endswith(TRACKERS):
        log(f"blocked {flow.request.pretty_url}")
        flow.response = http.HTTPResponse.make(204)


def done():
    log("shutting down")
