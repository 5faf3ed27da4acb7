"""Pretty-print JSON bodies with sorted keys, for any content type that smells like JSON."""
import json

from mitmproxy import contentviews


def _to_str(text: str | bytes) -> str:
    # mitmproxy 12 contentviews return str (mitm-codemod, CV12-04)
    return text if isinstance(text, str) else text.decode("utf-8", "backslashreplace")


class ViewSortedJSON(contentviews.Contentview):
    name = "Sorted JSON"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        try:
            obj = json.loads(data)
        except ValueError:
            raise ValueError("cannot prettify this data")
        return _to_str(json.dumps(obj, indent=2, sort_keys=True))

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        ct = metadata.content_type or ""
        return 0.5 if ct.endswith("+json") else 0


view = ViewSortedJSON()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
