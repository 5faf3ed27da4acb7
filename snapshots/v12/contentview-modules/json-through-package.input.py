"""Reuses the built-in JSON view's helpers through the package attribute."""
from mitmproxy import contentviews, http


def response(flow: http.HTTPFlow) -> None:
    if flow.response.headers.get("content-type", "").startswith("application/json"):
        desc, lines = contentviews.json.ViewJSON()(flow.response.content)
        print(desc)
