"""A content view that pretty-prints JSON:API documents."""
import json

from mitmproxy import contentviews


class ViewJsonApi(contentviews.View):
    name = "JSON:API"
    content_types = ["application/vnd.api+json", "application/json"]

    def __call__(self, data, **metadata):
        doc = json.loads(data)
        return "JSON:API", contentviews.format_text(json.dumps(doc, indent=2))


view = ViewJsonApi()


def load(l):
    contentviews.add(view)


def done():
    contentviews.remove(view)
