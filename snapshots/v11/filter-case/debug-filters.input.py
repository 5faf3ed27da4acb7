"""Intercept debug requests and mark POSTs to the admin API (mitmproxy 10)."""
from mitmproxy import ctx, flowfilter, http

ADMIN_POSTS = flowfilter.parse("~m POST & ~u /Admin/")
TOKENS = flowfilter.parse(r"~b token=\S+")


def running():
    ctx.options.intercept = "~h X-Debug-Session"


def request(flow: http.HTTPFlow) -> None:
    if ADMIN_POSTS(flow) or flowfilter.match("~q & ~d Example.com", flow):
        flow.marked = ":warning:"
    if TOKENS(flow):
        flow.comment = "token in body"
