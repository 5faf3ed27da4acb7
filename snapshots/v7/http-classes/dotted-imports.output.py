import mitmproxy.http
import mitmproxy.http as nhttp


class Mock:
    """Replies from a local table instead of the network."""

    def __init__(self):
        self.table = {"/ping": b"pong"}

    def request(self, flow: mitmproxy.http.HTTPFlow):
        body = self.table.get(flow.request.path)
        if body is not None:
            flow.response = mitmproxy.http.Response.make(200, body, nhttp.Headers(server="mock"))

    def response(self, flow):
        assert isinstance(flow.request, mitmproxy.http.Request)


addons = [Mock()]
