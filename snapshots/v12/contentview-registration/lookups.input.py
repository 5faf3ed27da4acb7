"""Render bodies with whatever view is registered, the mitmproxy 11 way."""
import logging

from mitmproxy import contentviews, http
from mitmproxy.contentviews import get


def response(flow: http.HTTPFlow) -> None:
    if contentviews.get("JSON") is None:
        logging.warning("no JSON view registered")
        return
    desc, lines = contentviews.get("JSON")(flow.response.content, content_type="application/json")
    logging.info("%s: %d lines", desc, len(list(lines)))
    raw = get("Raw")
    logging.info("raw view: %s", raw.name)
    xml = contentviews.get("XML/HTML")
    desc, lines = xml(flow.response.content)
