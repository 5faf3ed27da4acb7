"""Log through the master and with keyword arguments (mitmproxy 8)."""
from mitmproxy import http
import logging
from mitmproxy.log import ALERT


class Auditor:
    def running(self):
        logging.info("auditor ready")

    def request(self, flow: http.HTTPFlow):
        logging.warning(f"audit {flow.request.pretty_url}")
        logging.debug("header count: %d" % len(flow.request.headers))
        logging.log(ALERT, "audit log rotated") if flow.request.path == "/rotate" else None

    def response(self, flow: http.HTTPFlow):
        logging.info(flow.response.status_code)
        logging.error("stored")


addons = [Auditor()]
