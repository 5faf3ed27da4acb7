"""A view converted to mitmproxy 12 that still builds its text with the old helpers."""
from mitmproxy import contentviews


def _lines_to_str(lines) -> str:
    return "\n".join("".join(str(t) for _style, t in line) for line in lines)


class HeadersView(contentviews.Contentview):
    name = "Headers table"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        if metadata.http_message is None:
            raise ValueError("no HTTP message")
        width = min(contentviews.KEY_MAX, 20)
        pairs = [(k[:width], v) for k, v in metadata.http_message.headers.items()]
        return _lines_to_str(contentviews.format_pairs(pairs))


contentviews.add(HeadersView)
