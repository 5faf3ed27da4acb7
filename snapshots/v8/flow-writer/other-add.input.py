"""A set and a queue also have add(); keyword flow= on them stays."""
from mitmproxy import http


class Registry:
    def add(self, flow=None):
        self.last = flow


seen = set()
registry = Registry()


def response(flow: http.HTTPFlow):
    seen.add(flow.id)
    registry.add(flow=flow)
