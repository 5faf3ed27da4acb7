"""A helper named log and objects with .info() that are not ctx.log."""
import logging

from mitmproxy import http

logger = logging.getLogger(__name__)


def log(msg):
    with open("/tmp/requests.txt", "a") as fh:
        fh.write(msg + "\n")


class Stats:
    def __init__(self):
        self.log = logger

    def info(self, text):
        return text

    def request(self, flow: http.HTTPFlow):
        log(flow.request.url)
        self.log.info("request seen")
        self.info("ctx.log.info is not called here")
        # ctx.log.info("commented out")


addons = [Stats()]
