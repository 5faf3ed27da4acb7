"""Answer requests to blocked hosts with a 403 instead of contacting them."""
from mitmproxy import ctx, http

BLOCKED = {"ads.example.com", "tracker.example.net"}


class BlockHosts:
    def load(self, loader):
        loader.add_option("block_message", str, "Blocked by proxy", "Body of the 403 page")

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.request.pretty_host in BLOCKED:
            flow.response = http.HTTPResponse.make(
                403,
                ctx.options.block_message.encode(),
                {"Content-Type": "text/plain"},
            )

    def response(self, flow: http.HTTPFlow) -> None:
        if isinstance(flow.response, http.HTTPResponse) and flow.response.status_code == 403:
            flow.response.headers["X-Blocked"] = "1"


addons = [BlockHosts()]
