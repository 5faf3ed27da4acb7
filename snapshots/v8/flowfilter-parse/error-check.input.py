"""Highlight flows that match any of several filters; reject invalid ones."""
from mitmproxy import ctx, exceptions, flowfilter


class Highlighter:
    def load(self, loader):
        loader.add_option("highlight", str, "", "Filter of flows to highlight")
        loader.add_option("highlight_more", str, "", "Comma-separated extra filters")

    def configure(self, updated):
        flt = flowfilter.parse(ctx.options.highlight)
        if not flt:
            raise exceptions.OptionsError("invalid highlight filter")
        self.flt = flt
        self.more = [flowfilter.parse(s) for s in ctx.options.highlight_more.split(",")]

    def request(self, flow):
        if self.flt(flow) or any(f(flow) for f in self.more):
            flow.marked = ":star:"


addons = [Highlighter()]
