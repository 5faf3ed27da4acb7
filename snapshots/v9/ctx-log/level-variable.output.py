"""Log each response at a level chosen from its status code (mitmproxy 8)."""
from mitmproxy import http
import logging

DEFAULT_LEVEL = "info"


def response(flow: http.HTTPFlow) -> None:
    level = "error" if flow.response.status_code >= 500 else "warn"
    if flow.response.status_code < 400:
        level = DEFAULT_LEVEL
    logging.log(logging.getLevelName(level.upper()), f"{flow.request.pretty_url} -> {flow.response.status_code}")
    logging.log(logging.getLevelName(DEFAULT_LEVEL.upper()), "default level")
