"""Block requests to ad and tracking hosts with a 403 page.

mitmproxy 6 addon: mitmdump -s block_ads.py
"""
from mitmproxy import ctx, http

BLOCKLIST = {"ads.example.com", "tracker.example.net", "doubleclick.example.org"}


class BlockAds:
    def __init__(self):
        self.blocked = 0

    def load(self, loader):
        loader.add_option(
            name="block_page",
            typespec=str,
            default="<h1>Blocked</h1>",
            help="HTML body served instead of blocked content",
        )

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.request.pretty_host in BLOCKLIST:
            self.blocked += 1
            flow.response = http.HTTPResponse.make(
                403,
                ctx.options.block_page.encode(),
                {"Content-Type": "text/html"},
            )
            ctx.log.info("blocked %s (%d so far)" % (flow.request.pretty_url, self.blocked))

    def done(self):
        ctx.log("block_ads: %d requests blocked" % self.blocked)


addons = [BlockAds()]
