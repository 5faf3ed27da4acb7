"""A hex dump of binary bodies: offset, hex bytes and printable characters per row."""
from mitmproxy import contentviews


class ViewHexRows(contentviews.View):
    name = "Hex rows"

    def __call__(self, data, **metadata):
        return f"{len(data)} bytes", self._rows(data)

    def _rows(self, data: bytes):
        for offset in range(0, len(data), 16):
            chunk = data[offset : offset + 16]
            text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
            yield [
                ("offset", f"{offset:08x}  "),
                ("text", chunk.hex(" ").ljust(49)),
                ("text", text),
            ]

    def render_priority(self, data, **metadata):
        ws = metadata.get("websocket_message")
        if ws is not None and not ws.is_text:
            return 0.8
        return 0


view = ViewHexRows()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
