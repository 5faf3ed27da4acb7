"""Show the payload of our binary frame format (magic b"FRM1"), else let mitmproxy fall back to Raw."""
import struct

from mitmproxy import contentviews


class ViewFrames(contentviews.View):
    name = "FRM1 frames"

    def __call__(self, data, **metadata):
        if data.startswith(b"FRM1"):
            (length,) = struct.unpack(">I", data[4:8])
            payload = data[8 : 8 + length]
            return "FRM1 frame", contentviews.format_text(payload)

    def render_priority(self, data, **metadata):
        return 2 if data.startswith(b"FRM1") else 0


view = ViewFrames()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
