"""Pretty-print JSON bodies with sorted keys, for any content type that smells like JSON."""
import json

from mitmproxy import contentviews


class ViewSortedJSON(contentviews.View):
    name = "Sorted JSON"

    def __call__(self, data, **metadata):
        try:
            obj = json.loads(data)
        except ValueError:
            return None
        return "JSON (sorted keys)", contentviews.format_text(json.dumps(obj, indent=2, sort_keys=True))

    def render_priority(self, data, **metadata):
        ct = metadata.get("content_type") or ""
        return 0.5 if ct.endswith("+json") else 0


view = ViewSortedJSON()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
