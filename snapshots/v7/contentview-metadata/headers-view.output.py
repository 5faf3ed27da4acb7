"""Show a summary of the message headers above the body."""
from mitmproxy import contentviews
from mitmproxy.http import Request


class ViewHeaders(contentviews.View):
    name = "Headers summary"

    def __call__(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
        headers = http_message.headers if http_message is not None else {}
        lines = [[("header", f"{k}: {v}")] for k, v in headers.items()]
        if (http_message.query if isinstance(http_message, Request) else None):
            lines.append([("text", "query: " + str(http_message.query if isinstance(http_message, Request) else None))])
        if flow is not None and flow.response:
            lines.append([("text", str(flow.response.status_code))])
        return "Headers", iter(lines)


def load(l):
    contentviews.add(ViewHeaders())
