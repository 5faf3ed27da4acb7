"""Already written for mitmproxy 12: a Contentview registered at module level."""
from mitmproxy import contentviews


class UpperCase(contentviews.Contentview):
    name = "UPPERCASE"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        # In mitmproxy 11 this was contentviews.View.__call__ returning contentviews.format_text(...)
        return data.decode("utf-8", "replace").upper()

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        return 2 if metadata.content_type == "text/x-shout" else 0


contentviews.add(UpperCase)
