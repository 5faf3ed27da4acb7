"""Decode MessagePack bodies of our API (selected by content type)."""
import msgpack

from mitmproxy import contentviews


def _to_str(text: str | bytes) -> str:
    # mitmproxy 12 contentviews return str (mitm-codemod, CV12-04)
    return text if isinstance(text, str) else text.decode("utf-8", "backslashreplace")


def _lines_to_str(lines) -> str:
    # Joins mitmproxy 11 contentview lines ([(style, text), …] each) into the str a mitmproxy 12
    # contentview returns; styles are dropped (mitm-codemod, CV12-05)
    return "\n".join(
        "".join(t if isinstance(t, str) else t.decode("utf-8", "backslashreplace") for _style, t in line)
        for line in lines
    )


class ViewApiMsgpack(contentviews.Contentview):
    name = "API MessagePack"

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        return 1 if metadata.content_type in ("application/msgpack", "application/x-msgpack") else 0

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        obj = msgpack.unpackb(data, raw=False)
        flow = metadata.flow
        title = f"MessagePack from {flow.request.pretty_host}" if flow else "MessagePack"
        if isinstance(obj, dict):
            return _lines_to_str(contentviews.format_dict({str(k): repr(v) for k, v in obj.items()}))
        return _to_str(repr(obj))


view = ViewApiMsgpack()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
