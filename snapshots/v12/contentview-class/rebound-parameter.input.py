"""content_type is re-bound inside __call__, and the result is returned as a variable."""
from mitmproxy import contentviews


class ViewLabelled(contentviews.View):
    name = "Labelled"

    def __call__(self, data, *, content_type=None, **unknown_metadata):
        if content_type is None:
            content_type = "application/octet-stream"
        return content_type, contentviews.format_text(data)


class ViewPassThrough(contentviews.View):
    name = "Pass-through"

    def __call__(self, data, **metadata):
        result = ("raw", contentviews.format_text(data))
        return result


contentviews.add(ViewLabelled())
contentviews.add(ViewPassThrough())
