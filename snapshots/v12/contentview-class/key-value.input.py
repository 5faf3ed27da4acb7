"""Show application/x-www-form-urlencoded request bodies as aligned key: value pairs."""
from urllib.parse import parse_qsl

from mitmproxy import contentviews


class ViewFormFields(contentviews.View):
    name = "Form fields"

    def __call__(self, data, *, content_type=None, http_message=None, **unknown_metadata):
        pairs = parse_qsl(data.decode("utf-8", "replace"), keep_blank_values=True)
        if not pairs:
            return None
        title = f"{len(pairs)} fields"
        if http_message is not None and http_message.headers.get("content-encoding"):
            title += " (decoded)"
        return title, contentviews.format_pairs(pairs)

    def render_priority(self, data, *, content_type=None, **unknown_metadata):
        return 1 if content_type == "application/x-www-form-urlencoded" else 0


contentviews.add(ViewFormFields())
