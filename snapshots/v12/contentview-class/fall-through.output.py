"""Show the payload of our binary frame format (magic b"FRM1"), else let mitmproxy fall back to Raw."""
import struct

from mitmproxy import contentviews


def _to_str(text: str | bytes) -> str:
    # mitmproxy 12 contentviews return str (mitm-codemod, CV12-04)
    return text if isinstance(text, str) else text.decode("utf-8", "backslashreplace")


class ViewFrames(contentviews.Contentview):
    name = "FRM1 frames"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        if data.startswith(b"FRM1"):
            (length,) = struct.unpack(">I", data[4:8])
            payload = data[8 : 8 + length]
            return _to_str(payload)
        raise ValueError("cannot prettify this data")

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        return 2 if data.startswith(b"FRM1") else 0


view = ViewFrames()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
