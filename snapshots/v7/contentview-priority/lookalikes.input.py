# Not a content view, an already migrated one, and a view with no content types.
from mitmproxy import contentviews


class UploadPolicy:
    content_types = ["image/png", "image/jpeg"]


class ViewPng(contentviews.View):
    name = "PNG info"

    def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
        return 1 if content_type in ("image/png",) else 0

    def __call__(self, data, **metadata):
        return "PNG", contentviews.format_text(f"{len(data)} bytes")


class ViewManual(contentviews.View):
    name = "Manual only"
    content_types = []

    def __call__(self, data, **metadata):
        return "Manual", contentviews.format_text(data)
