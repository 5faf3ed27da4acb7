"""A view that still reads the mitmproxy 6 metadata key "headers": it cannot be converted."""
from mitmproxy import contentviews


class ViewTraceHeader(contentviews.View):
    name = "Traced body"

    def __call__(self, data, **metadata):
        headers = metadata.get("headers") or {}
        trace = headers.get("x-trace-id", "-")
        return f"trace {trace}", contentviews.format_text(data)

    def render_priority(self, data, *, content_type=None, **unknown_metadata):
        return 0.2


view = ViewTraceHeader()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
