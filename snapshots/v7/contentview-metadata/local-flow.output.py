# Render GraphQL bodies, naming the operation from the request URL.
import json

from mitmproxy import contentviews
from mitmproxy import http


class ViewGraphQL(contentviews.View):
    name = "GraphQL"

    def __call__(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
        message = http_message
        if http_message is None or flow is None:
            return "GraphQL", contentviews.format_text(data)
        op = flow.request.query.get("operationName", "?")
        trailers = http_message.trailers if http_message is not None else None
        body = json.loads(data)
        return f"GraphQL {op} ({type(message).__name__}, {trailers})", contentviews.format_dict(body)
