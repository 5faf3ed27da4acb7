"""Show JSON API responses with sorted keys in mitmproxy's content view."""
import json

from mitmproxy import contentviews


class ViewApiJSON(contentviews.View):
    name = "API JSON"
    content_types = ["application/vnd.example+json"]

    def __call__(self, data, **metadata):
        try:
            doc = json.loads(data)
        except ValueError:
            return None
        return "API response", contentviews.format_text(json.dumps(doc, indent=2, sort_keys=True))


view = ViewApiJSON()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
