"""Inject synthetic flows into the view for a demo (mitmproxy 7)."""
import time

from mitmproxy import connection, ctx, flow, http


def make_flow(url: str) -> http.HTTPFlow:
    client = connection.Client(("127.0.0.1", 50000), ("127.0.0.1", 8080), time.time())
    server = connection.Server(("example.com", 443))
    f = http.HTTPFlow(client, server, True)
    f.request = http.Request.make("GET", url)
    return f


def running():
    view = ctx.master.addons.get("view")
    demo = http.HTTPFlow(connection.Client(("127.0.0.1", 1), ("127.0.0.1", 2), 0), connection.Server(("a", 1)))
    view.add([make_flow("https://example.com/"), demo])


class Annotator:
    def request(self, flow: http.HTTPFlow):
        if flow.mode == "transparent":
            flow.comment = "transparent"

    def response(self, flow: http.HTTPFlow):
        flow.type = "replayed"


class RecordedFlow(flow.Flow):
    def __init__(self, client, server):
        super().__init__("recorded", client, server)


addons = [Annotator()]
