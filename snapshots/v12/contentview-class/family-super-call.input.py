"""The subclass chains to the base view's __call__: the family is left for a manual conversion."""
from mitmproxy import contentviews


class ViewText(contentviews.View):
    name = "Text"

    def __call__(self, data, **metadata):
        return "text", contentviews.format_text(data)


class ViewUpperText(ViewText):
    name = "Upper text"

    def __call__(self, data, **metadata):
        desc, lines = super().__call__(data.upper(), **metadata)
        return desc + " (upper)", lines


contentviews.add(ViewText())
contentviews.add(ViewUpperText())
