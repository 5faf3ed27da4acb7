"""A plain logging helper class that happens to live next to an addon."""
import sys

from mitmproxy import http


class Console:
    def log(self, entry):
        sys.stderr.write(f"{entry}\n")


console = Console()


def response(flow: http.HTTPFlow):
    console.log(f"{flow.response.status_code} {flow.request.url}")
