"""Show a summary of the message headers above the body."""
from mitmproxy import contentviews


class ViewHeaders(contentviews.View):
    name = "Headers summary"

    def __call__(self, data, **metadata):
        headers = metadata.get("headers", {})
        lines = [[("header", f"{k}: {v}")] for k, v in headers.items()]
        if metadata.get("query"):
            lines.append([("text", "query: " + str(metadata["query"]))])
        if metadata["flow"] is not None and metadata["flow"].response:
            lines.append([("text", str(metadata["flow"].response.status_code))])
        return "Headers", iter(lines)


def load(l):
    contentviews.add(ViewHeaders())
