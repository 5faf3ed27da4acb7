"""Require the team's credentials unless the proxy runs in open mode."""
from mitmproxy import ctx


class TeamAuth:
    def load(self, loader):
        loader.add_option("open_proxy", bool, False, "Do not ask for credentials.")

    def configure(self, updated):
        if "open_proxy" not in updated:
            return
        if ctx.options.open_proxy:
            ctx.options.proxyauth = None
        else:
            ctx.options.proxyauth = "@/etc/mitmproxy/team.htpasswd"

    def running(self):
        ctx.options.update(proxyauth="@/etc/mitmproxy/team.htpasswd", block_global=False)
        ctx.options.set("proxyauth=@/etc/mitmproxy/fallback.htpasswd")


addons = [TeamAuth()]
