"""Send requests for one host through a fresh upstream connection."""
from mitmproxy import connections, ctx, http


class Reroute:
    def load(self, loader):
        loader.add_option("reroute_host", str, "", "Host to reroute.")
        loader.add_option("reroute_to", str, "127.0.0.1:8443", "host:port to send it to.")

    def request(self, flow: http.HTTPFlow):
        if flow.request.pretty_host != ctx.options.reroute_host:
            return
        host, port = ctx.options.reroute_to.split(":")
        flow.server_conn = connections.ServerConnection(address=(host, int(port)))
