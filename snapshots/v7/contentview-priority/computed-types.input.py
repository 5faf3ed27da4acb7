# Views whose types are computed or read elsewhere: render_priority must be written by hand.
from mitmproxy import contentviews

XML_TYPES = ["application/xml", "text/xml"]


class ViewFeed(contentviews.View):
    name = "Feed"
    content_types = XML_TYPES + ["application/rss+xml"]

    def __call__(self, data, **metadata):
        return "Feed", contentviews.format_text(data)


class ViewCsv(contentviews.View):
    name = "CSV"
    content_types = ["text/csv"]

    def __call__(self, data, **metadata):
        kind = "CSV" if self.content_types else "?"
        return kind, contentviews.format_text(data)


class ViewYaml(contentviews.View):
    name = "YAML"
    content_types = ["application/yaml"]  # also text/yaml?

    def render_priority(self, data, **metadata):
        return 0.5
