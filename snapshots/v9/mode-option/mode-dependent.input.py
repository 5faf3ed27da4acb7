"""Add a Via header, except in transparent mode, and tag upstream traffic (mitmproxy 8)."""
from mitmproxy import ctx, http


class ViaHeader:
    def running(self):
        if ctx.options.mode == "regular":
            ctx.log.info("regular proxy: adding Via headers")

    def request(self, flow: http.HTTPFlow) -> None:
        if ctx.options.mode != "transparent":
            flow.request.headers["via"] = "1.1 mitmproxy"
        if ctx.options.mode.startswith("upstream:"):
            flow.request.headers["x-upstream"] = "1"


def force_socks(enabled: bool):
    if enabled:
        ctx.options.mode = "socks5"
    else:
        ctx.options.update(mode="regular")


addons = [ViaHeader()]
