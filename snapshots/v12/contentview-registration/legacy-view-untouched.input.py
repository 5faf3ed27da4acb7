"""An old-style view that could not be converted: its registration is left as it is.
(contentviews.add(view) and contentviews.remove(view) in this docstring are text.)"""
from mitmproxy import contentviews


class ViewLegacy(contentviews.View):
    name = "Legacy"

    def __call__(self, data, **metadata):
        result = ("legacy", contentviews.format_text(data))
        return result


view = ViewLegacy()


def load(loader):
    contentviews.add(view)  # contentviews.add(...) in a comment


def done():
    contentviews.remove(view)
