"""Already v12: built-in views are reached through the registry (the old module contentviews.json is only text here)."""
import logging

from mitmproxy import contentviews, http


def response(flow: http.HTTPFlow) -> None:
    view = contentviews.registry["json"]
    metadata = contentviews.Metadata(content_type="application/json", flow=flow, http_message=flow.response)
    logging.info(view.prettify(flow.response.content, metadata))
