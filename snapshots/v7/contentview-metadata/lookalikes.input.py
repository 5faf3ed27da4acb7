# A view that only passes the metadata on, and a renderer that is not a content view.
from mitmproxy import contentviews


class ViewDelegate(contentviews.View):
    name = "Delegate"

    def __call__(self, data, **metadata):
        return contentviews.get("Auto")(data, **metadata)


class Renderer:
    def __call__(self, data, **metadata):
        return metadata["headers"], metadata.get("flow")


def response(flow):
    flow.metadata["rendered"] = Renderer()(flow.response.content, headers=flow.response.headers)
