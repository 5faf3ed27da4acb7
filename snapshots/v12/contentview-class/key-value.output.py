"""Show application/x-www-form-urlencoded request bodies as aligned key: value pairs."""
from urllib.parse import parse_qsl

from mitmproxy import contentviews


def _lines_to_str(lines) -> str:
    # Joins mitmproxy 11 contentview lines ([(style, text), …] each) into the str a mitmproxy 12
    # contentview returns; styles are dropped (mitm-codemod, CV12-05)
    return "\n".join(
        "".join(t if isinstance(t, str) else t.decode("utf-8", "backslashreplace") for _style, t in line)
        for line in lines
    )


class ViewFormFields(contentviews.Contentview):
    name = "Form fields"

    def prettify(self, data: bytes, metadata: contentviews.Metadata) -> str:
        pairs = parse_qsl(data.decode("utf-8", "replace"), keep_blank_values=True)
        if not pairs:
            raise ValueError("cannot prettify this data")
        title = f"{len(pairs)} fields"
        if metadata.http_message is not None and metadata.http_message.headers.get("content-encoding"):
            title += " (decoded)"
        return _lines_to_str(contentviews.format_pairs(pairs))

    def render_priority(self, data: bytes, metadata: contentviews.Metadata) -> float:
        return 1 if metadata.content_type == "application/x-www-form-urlencoded" else 0


contentviews.add(ViewFormFields())
