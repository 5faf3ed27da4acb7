"""Log every request and response at a level that matches its status."""
from mitmproxy import http
import logging
from mitmproxy.log import ALERT


class StatusLogger:
    def request(self, flow: http.HTTPFlow):
        logging.debug(f"-> {flow.request.method} {flow.request.pretty_url}")

    def response(self, flow: http.HTTPFlow):
        code = flow.response.status_code
        if code >= 500:
            logging.error("%s answered %d" % (flow.request.host, code))
        elif code >= 400:
            logging.warning(f"{flow.request.host} answered {code}")
        else:
            logging.info(f"{flow.request.host} ok")
        if flow.request.host.endswith(".internal"):
            logging.log(ALERT, "internal host reached through the proxy!")


addons = [StatusLogger()]
