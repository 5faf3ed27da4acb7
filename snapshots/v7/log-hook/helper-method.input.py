"""An addon whose log method is a helper it calls itself."""
from mitmproxy import ctx


class HeaderAudit:
    def log(self, msg):
        ctx.log.info("[audit] " + msg)

    def request(self, flow):
        if "authorization" in flow.request.headers:
            self.log(f"credentials sent to {flow.request.host}")

    def response(self, flow):
        if "set-cookie" in flow.response.headers:
            self.log(f"cookie set by {flow.request.host}")


addons = [HeaderAudit()]
