"""A small web dashboard next to the proxy: flask's View is not a contentview."""
from flask.views import View

from mitmproxy import http

stats = {"requests": 0}


class StatsPage(View):
    # contentviews.View would need __call__(self, data, **metadata); this is flask's dispatch_request.
    def dispatch_request(self):
        return f"{stats['requests']} requests seen (contentviews.format_text not used)"


def request(flow: http.HTTPFlow) -> None:
    stats["requests"] += 1
