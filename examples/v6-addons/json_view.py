"""A content view that pretty-prints JSON API responses with sorted keys."""
import json

from mitmproxy import contentviews


class ViewSortedJSON(contentviews.View):
    name = "Sorted JSON"
    content_types = ["application/json", "application/vnd.api+json"]

    def __call__(self, data, **metadata):
        try:
            obj = json.loads(data)
        except ValueError:
            return None
        return "JSON (sorted keys)", contentviews.format_text(json.dumps(obj, indent=2, sort_keys=True))


view = ViewSortedJSON()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
