"""Show ROT13-obfuscated text/plain bodies decoded."""
import codecs

from mitmproxy import contentviews
from mitmproxy.addonmanager import Loader


def _to_str(text: str | bytes) -> str:
    # mitmproxy 12 contentviews return str (mitm-codemod, CV12-04)
    return text if isinstance(text, str) else text.decode("utf-8", "backslashreplace")


class ViewRot13(contentviews.Contentview):
    name = "ROT13"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        decoded = codecs.decode(data.decode("ascii", "replace"), "rot13")
        return _to_str(decoded)

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        if metadata.http_message is not None and metadata.http_message.headers.get("x-obfuscation") == "rot13":
            return 1
        return 0


view = ViewRot13()


def load(loader: Loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
