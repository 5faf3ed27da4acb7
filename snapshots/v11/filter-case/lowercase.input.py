"""Lowercase filter expressions behave the same; uppercase text elsewhere is not a filter."""
from mitmproxy import ctx, flowfilter, http

JSON = flowfilter.parse("~t application/json")


def running():
    ctx.options.view_filter = "~d example.com"
    ctx.log.info("View filter SET")


def response(flow: http.HTTPFlow) -> None:
    if JSON(flow):
        flow.response.headers["X-Seen"] = "YES"
