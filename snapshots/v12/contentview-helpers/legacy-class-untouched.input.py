"""An old-style view the class transform could not convert: the helpers inside it stay as they are.
Text such as contentviews.format_text(...) in strings and comments is never edited."""
from mitmproxy import contentviews


class ViewEcho(contentviews.View):
    name = "Echo"

    def __call__(self, data, **metadata) -> contentviews.TViewResult:
        # contentviews.format_text is what mitmproxy 11 offered
        result = ("echo", contentviews.format_text(data))
        return result


contentviews.add(ViewEcho())
