"""Options with names of their own; is_alive() and encodebytes() are current."""
import base64
import threading

from mitmproxy import ctx, http


class Forwarder:
    def load(self, loader):
        loader.add_option("forwarder_addr", str, "", "Address to forward to")

    def running(self):
        self.t = threading.Thread(target=lambda: None)
        if not self.t.is_alive():
            self.t.start()

    def request(self, flow: http.HTTPFlow):
        flow.request.headers["x-fwd"] = base64.encodebytes(ctx.options.forwarder_addr.encode()).strip()


addons = [Forwarder()]
