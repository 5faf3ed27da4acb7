# Render GraphQL bodies, naming the operation from the request URL.
import json

from mitmproxy import contentviews
from mitmproxy import http


class ViewGraphQL(contentviews.View):
    name = "GraphQL"

    def __call__(self, data, **metadata):
        flow = metadata.get("flow")
        message = metadata["message"]
        if "headers" not in metadata or flow is None:
            return "GraphQL", contentviews.format_text(data)
        op = flow.request.query.get("operationName", "?")
        trailers = metadata.get("trailers")
        body = json.loads(data)
        return f"GraphQL {op} ({type(message).__name__}, {trailers})", contentviews.format_dict(body)
