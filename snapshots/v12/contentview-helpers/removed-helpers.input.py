"""Uses contentviews helpers that mitmproxy 12 removed without a replacement in base."""
import logging

from mitmproxy import contentviews, http


def response(flow: http.HTTPFlow) -> None:
    names = [v.name for v in contentviews.views]
    desc, lines, err = contentviews.get_message_content_view("Auto", flow.response, flow)
    logging.info("%s via %s (%d views)", desc, names[0], len(names))
