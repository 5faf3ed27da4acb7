"""Show ROT13-obfuscated text/plain bodies decoded."""
import codecs

from mitmproxy import contentviews
from mitmproxy import flow
from mitmproxy import http
from mitmproxy.addonmanager import Loader


class ViewRot13(contentviews.View):
    name = "ROT13"

    def __call__(
        self,
        data: bytes,
        *,
        content_type: str | None = None,
        flow: flow.Flow | None = None,
        http_message: http.Message | None = None,
        **unknown_metadata,
    ) -> contentviews.TViewResult:
        decoded = codecs.decode(data.decode("ascii", "replace"), "rot13")
        return "ROT13 text", contentviews.format_text(decoded)

    def render_priority(
        self,
        data: bytes,
        *,
        content_type: str | None = None,
        flow: flow.Flow | None = None,
        http_message: http.Message | None = None,
        **unknown_metadata,
    ) -> float:
        if http_message is not None and http_message.headers.get("x-obfuscation") == "rot13":
            return 1
        return 0


view = ViewRot13()


def load(loader: Loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
