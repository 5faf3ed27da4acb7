"""A content view that pretty-prints JSON:API documents."""
import json

from mitmproxy import contentviews


class ViewJsonApi(contentviews.View):
    name = "JSON:API"

    def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
        return 1 if content_type in ("application/vnd.api+json", "application/json") else 0

    def __call__(self, data, **metadata):
        doc = json.loads(data)
        return "JSON:API", contentviews.format_text(json.dumps(doc, indent=2))


view = ViewJsonApi()


def load(l):
    contentviews.add(view)


def done():
    contentviews.remove(view)
