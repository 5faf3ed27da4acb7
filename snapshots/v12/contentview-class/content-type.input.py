"""Decode MessagePack bodies of our API (selected by content type)."""
import msgpack

from mitmproxy import contentviews


class ViewApiMsgpack(contentviews.View):
    name = "API MessagePack"

    def render_priority(self, data, *, content_type=None, flow=None, http_message=None, **unknown_metadata):
        return 1 if content_type in ("application/msgpack", "application/x-msgpack") else 0

    def __call__(self, data, **metadata):
        obj = msgpack.unpackb(data, raw=False)
        flow = metadata.get("flow")
        title = f"MessagePack from {flow.request.pretty_host}" if flow else "MessagePack"
        if isinstance(obj, dict):
            return title, contentviews.format_dict({str(k): repr(v) for k, v in obj.items()})
        return title, contentviews.format_text(repr(obj))


view = ViewApiMsgpack()


def load(loader):
    contentviews.add(view)


def done():
    contentviews.remove(view)
