"""Options and methods whose names are unaffected by 10.x."""
from mitmproxy import ctx, http


class Hosts:
    def load(self, loader):
        loader.add_option("pinned_hosts", str, "", "Hosts never intercepted")

    def running(self):
        ctx.options.ignore_hosts = [r"^pinned\.example\.com"]
        if ctx.options.allow_hosts:
            ctx.log.info("allow list active")

    def response(self, flow: http.HTTPFlow) -> None:
        flow.response.headers["x-onboarding-host"] = ctx.options.onboarding_host


addons = [Hosts()]
