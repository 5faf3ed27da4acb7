# Send transparent-mode traffic through an upstream proxy.
from mitmproxy import ctx

UPSTREAM = ("proxy.internal", 3128)


def request(flow):
    if flow.mode == "transparent" and flow.live:
        flow.live.change_upstream_proxy_server(UPSTREAM)
        ctx.log.info(f"rerouted {flow.request.host}")


def error(flow):
    ctx.log.warn(f"{flow.error} in {flow.mode} mode")


class Rerouter:
    def __init__(self):
        self.layer = None

    def reroute(self, f):
        f.live.change_upstream_proxy_server(UPSTREAM)
        f.marked = True
