"""Two log views; the second one only claims other content types."""
from mitmproxy import contentviews


class ViewLog(contentviews.View):
    name = "Log"

    def __call__(self, data, **metadata):
        return "log", contentviews.format_text(data)

    def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
        return 1 if content_type in ("text/x-log",) else 0


class ViewAnsiLog(ViewLog):
    name = "ANSI log"

    def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
        return 1 if content_type in ("text/x-ansi-log", "text/x-colored-log") else 0


contentviews.add(ViewLog())
contentviews.add(ViewAnsiLog())
