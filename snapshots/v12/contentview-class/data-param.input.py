"""Show the body exactly as text, for text/x-trace dumps from our load balancer."""
from mitmproxy import contentviews


class ViewTraceText(contentviews.View):
    name = "Trace text"

    def __call__(self, data: bytes, *, content_type=None, **unknown_metadata):
        if not data:
            return None
        return "trace", contentviews.format_text(data)

    def render_priority(self, data: bytes, *, content_type=None, **unknown_metadata):
        return 0.9 if content_type == "text/x-trace" and data else 0


contentviews.add(ViewTraceText())
