# Uses metadata the tool cannot translate, and the TCP content view helper.
from mitmproxy import contentviews, ctx


class ViewSized(contentviews.View):
    name = "Sized"

    def __call__(self, data, **metadata):
        size = metadata.get("content_length") or len(data)
        ctype = metadata["headers"].get("content-type")
        return f"{ctype} ({size})", contentviews.format_text(data)


class ViewForward(contentviews.View):
    name = "Forward"

    def __call__(self, data, **metadata):
        if metadata.get("flow"):
            return contentviews.get("Raw")(data, **metadata)
        return "Forward", contentviews.format_text(data)


def tcp_message(flow):
    desc, lines, err = contentviews.get_tcp_content_view("Hex", flow.messages[-1].content)
    ctx.log.info(desc)
