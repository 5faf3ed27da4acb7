from mitmproxy.net.http.url import unparse


class Canonical:
    def __init__(self):
        self.parts = ("https", "example.com", 443)

    def request(self, flow):
        flow.request.headers["x-canonical"] = unparse(*self.parts)

    def response(self, flow):
        flow.response.headers["x-self"] = unparse(flow.request.scheme, flow.request.host, flow.request.port, "/")


addons = [Canonical()]
