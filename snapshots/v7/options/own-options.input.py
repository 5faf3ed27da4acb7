# An addon with options of its own, some of which mitmproxy 7 now defines itself.
from mitmproxy import ctx


class Blocker:
    def load(self, loader):
        loader.add_option("block_list", str, "", "Hosts to block, comma-separated")
        loader.add_option("session_path", str, "/tmp/sessions", "Where to keep sessions")

    def request(self, flow):
        if flow.request.host in ctx.options.block_list.split(","):
            flow.kill()
        ctx.log.debug(ctx.options.session_path)


addons = [Blocker()]
