"""A request logger written for mitmproxy 10 that still uses the deprecated ctx.log."""
from mitmproxy import ctx, http


class RequestLogger:
    def load(self, loader):
        loader.add_option("log_bodies", bool, False, "Also log request bodies.")

    def request(self, flow: http.HTTPFlow) -> None:
        ctx.log.info(f"{flow.request.method} {flow.request.pretty_url}")
        if ctx.options.log_bodies and flow.request.content:
            ctx.log.debug(flow.request.get_text(strict=False))

    def error(self, flow: http.HTTPFlow) -> None:
        ctx.log.warn(f"{flow.request.pretty_url}: {flow.error}")
        ctx.log.alert("a request failed")


addons = [RequestLogger()]
