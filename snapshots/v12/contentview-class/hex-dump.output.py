"""A hex dump of binary bodies: offset, hex bytes and printable characters per row."""
from mitmproxy import contentviews


def _lines_to_str(lines) -> str:
    # Joins mitmproxy 11 contentview lines ([(style, text), …] each) into the str a mitmproxy 12
    # contentview returns; styles are dropped (mitm-codemod, CV12-05)
    return "\n".join(
        "".join(t if isinstance(t, str) else t.decode("utf-8", "backslashreplace") for _style, t in line)
        for line in lines
    )


class ViewHexRows(contentviews.Contentview):
    name = "Hex rows"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        return _lines_to_str(self._rows(data))

    def _rows(self, data: bytes):
        for offset in range(0, len(data), 16):
            chunk = data[offset : offset + 16]
            text = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
            yield [
                ("offset", f"{offset:08x}  "),
                ("text", chunk.hex(" ").ljust(49)),
                ("text", text),
            ]

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        ws = metadata.websocket_message
        if ws is not None and not ws.is_text:
            return 0.8
        return 0


view = ViewHexRows()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
