"""Append every log message to a file (a script with module-level hooks)."""
from mitmproxy import http
import logging

LOGFILE = "/tmp/mitmproxy-messages.txt"


class AddLogHandler(logging.Handler):
    """Passes log records to handle_log (the add_log event is deprecated since mitmproxy 9)."""

    def __init__(self, callback):
        super().__init__()
        self.callback = callback

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.callback(record.getMessage())
        except Exception:
            self.handleError(record)


# Keep a copy of everything mitmproxy says.
def handle_log(msg):
    with open(LOGFILE, "a") as fh:
        fh.write(msg + "\n")


log_handler = AddLogHandler(handle_log)


def load(loader):
    logging.getLogger().addHandler(log_handler)


def done():
    logging.getLogger().removeHandler(log_handler)


def response(flow: http.HTTPFlow):
    flow.response.headers["x-logged"] = "1"
