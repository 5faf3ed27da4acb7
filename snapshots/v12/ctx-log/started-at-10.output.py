"""A request logger written for mitmproxy 10 that still uses the deprecated ctx.log."""
from mitmproxy import ctx, http
import logging
from mitmproxy.log import ALERT


class RequestLogger:
    def load(self, loader):
        loader.add_option("log_bodies", bool, False, "Also log request bodies.")

    def request(self, flow: http.HTTPFlow) -> None:
        logging.info(f"{flow.request.method} {flow.request.pretty_url}")
        if ctx.options.log_bodies and flow.request.content:
            logging.debug(flow.request.get_text(strict=False))

    def error(self, flow: http.HTTPFlow) -> None:
        logging.warning(f"{flow.request.pretty_url}: {flow.error}")
        logging.log(ALERT, "a request failed")


addons = [RequestLogger()]
