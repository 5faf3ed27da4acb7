from mitmproxy import ctx
import logging


class Throttle:
    def load(self, loader):
        loader.add_option("max_rps", int, 10, "Requests per second before warning")
        self.seen = 0

    def request(self, flow):
        self.seen += 1
        if self.seen > ctx.options.max_rps:
            logging.warning("rate above %d/s" % ctx.options.max_rps)


addons = [Throttle()]
