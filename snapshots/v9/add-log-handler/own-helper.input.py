"""An addon with a helper called add_log that it calls itself (not the event)."""
import logging

from mitmproxy import http


class History:
    def __init__(self):
        self.lines = []

    def add_log(self, entry):
        self.lines.append(entry)

    def request(self, flow: http.HTTPFlow):
        self.add_log(f"{flow.request.method} {flow.request.pretty_url}")

    def done(self):
        logging.info("%d requests", len(self.lines))


addons = [History()]
