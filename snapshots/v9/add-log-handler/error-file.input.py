"""Append every log message to a file (a script with module-level hooks)."""
from mitmproxy import http

LOGFILE = "/tmp/mitmproxy-messages.txt"


# Keep a copy of everything mitmproxy says.
def add_log(entry):
    with open(LOGFILE, "a") as fh:
        fh.write(entry.msg + "\n")


def response(flow: http.HTTPFlow):
    flow.response.headers["x-logged"] = "1"
