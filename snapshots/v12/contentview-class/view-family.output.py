"""Two log views; the second one only claims other content types."""
from mitmproxy import contentviews


class ViewLog(contentviews.Contentview):
    name = "Log"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        return data.decode("utf-8", "backslashreplace")

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        return 1 if metadata.content_type in ("text/x-log",) else 0


class ViewAnsiLog(ViewLog):
    name = "ANSI log"

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        return 1 if metadata.content_type in ("text/x-ansi-log", "text/x-colored-log") else 0


contentviews.add(ViewLog())
contentviews.add(ViewAnsiLog())
