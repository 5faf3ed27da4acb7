"""Keep the last server connection of each host."""
import mitmproxy.connection
import mitmproxy.http

last: dict[str, mitmproxy.connection.Server] = {}


def response(flow: mitmproxy.http.HTTPFlow):
    server: mitmproxy.connection.Server = flow.server_conn
    last[flow.request.host] = server
