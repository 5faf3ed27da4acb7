"""Keep the last server connection of each host."""
import mitmproxy.connections
import mitmproxy.http

last: dict[str, mitmproxy.connections.ServerConnection] = {}


def response(flow: mitmproxy.http.HTTPFlow):
    server: mitmproxy.connections.ServerConnection = flow.server_conn
    last[flow.request.host] = server
