"""Filters that are already parsed only when set (mitmproxy 8 style)."""
from typing import Optional

from mitmproxy import ctx, flowfilter

ERRORS = flowfilter.parse("~e | ~c 500")


class Intercept:
    def __init__(self):
        self.filt: Optional[flowfilter.TFilter] = None
        self.view = None

    def load(self, loader):
        loader.add_option("intercept_hosts", Optional[str], None, "Intercept matching flows")

    def configure(self, updated):
        if "intercept_hosts" in updated and ctx.options.intercept_hosts:
            self.filt = flowfilter.parse(ctx.options.intercept_hosts)
        self.view = flowfilter.parse(ctx.options.view_filter) if ctx.options.view_filter else None

    def request(self, flow):
        if self.filt and self.filt(flow) or ERRORS(flow):
            flow.intercept()


addons = [Intercept()]
