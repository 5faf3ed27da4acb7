"""Register a content view, tolerating a second copy of this script."""
from mitmproxy import contentviews, ctx, exceptions
from mitmproxy.exceptions import OptionsError


class ViewUpper(contentviews.View):
    name = "Upper"

    def __call__(self, data, **metadata):
        return "Upper", contentviews.format_text(data.upper())


view = ViewUpper()


def load(loader):
    try:
        contentviews.add(view)
    except ValueError:
        ctx.log.warn("view already registered")
    try:
        ctx.options.update(view_filter="~t json")
    except (OptionsError, ValueError) as e:
        ctx.log.warn(str(e))
