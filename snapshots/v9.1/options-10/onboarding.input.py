"""Point new clients at the onboarding app and bypass pinned hosts (mitmproxy 9)."""
from mitmproxy import ctx, http


class Onboarding:
    def load(self, loader):
        loader.add_option("strip_ech", bool, True, "Remove ECH configs from DNS answers")

    def running(self):
        ctx.options.ignore_hosts = [r"^pinned\.example\.com$", r"^10\."]
        ctx.options.update(allow_hosts=[r"example\.org"])

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.request.path == "/setup":
            port = ctx.options.onboarding_port
            flow.response = http.Response.make(302, headers={"location": f"http://mitm.it:{port}/"})

    def http_connected(self, flow: http.HTTPFlow) -> None:
        flow.comment = "tunnel"

    def request_tunnel(self, flow):
        self.http_connected(flow)


addons = [Onboarding()]
