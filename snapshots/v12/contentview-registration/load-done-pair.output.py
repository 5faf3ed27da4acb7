"""A converted view that is still registered the mitmproxy 11 way."""
from mitmproxy import contentviews


class ReversedText(contentviews.Contentview):
    name = "Reversed"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        return data.decode("utf-8", "replace")[::-1]


contentviews.add(ReversedText)
