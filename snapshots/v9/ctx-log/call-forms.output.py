import logging
from mitmproxy.log import ALERT


def running():
    logging.info("proxy is running")


def request(flow):
    logging.debug("request to " + flow.request.host)
    if "token" in flow.request.query:
        logging.warning(
            "token in query string",
        )


def done():
    logging.log(ALERT, "bye")
