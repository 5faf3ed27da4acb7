"""A converted view that is still registered the mitmproxy 11 way."""
from mitmproxy import contentviews
from mitmproxy.addonmanager import Loader


class ReversedText(contentviews.Contentview):
    name = "Reversed"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        return data.decode("utf-8", "replace")[::-1]


view = ReversedText()


def load(loader: Loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
