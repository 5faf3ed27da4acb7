"""Show the body exactly as text, for text/x-trace dumps from our load balancer."""
from mitmproxy import contentviews


class ViewTraceText(contentviews.Contentview):
    name = "Trace text"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        if not data:
            raise ValueError("cannot prettify this data")
        return data.decode("utf-8", "backslashreplace")

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        return 0.9 if metadata.content_type == "text/x-trace" and data else 0


contentviews.add(ViewTraceText())
