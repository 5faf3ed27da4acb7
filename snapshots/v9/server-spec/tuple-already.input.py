"""mitmproxy 9 style: via is a tuple; a Route object has an .address of its own."""
from mitmproxy import http


class Route:
    def __init__(self, hop, address):
        self.hop = hop
        self.address = address


ROUTES = {"example.com": Route("edge", ("edge.example", 80))}


def request(flow: http.HTTPFlow) -> None:
    route = ROUTES.get(flow.request.host)
    if route and flow.server_conn.via and flow.server_conn.via[1] != route.address:
        flow.server_conn.via = ("http", route.address)
        flow.comment = f"via {route.hop}"
