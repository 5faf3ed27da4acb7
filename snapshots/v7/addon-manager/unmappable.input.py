"""Re-run hooks on flows loaded from disk (the mitmproxy 6 way)."""
from mitmproxy import ctx, io


class Rerun:
    def load(self, loader):
        loader.add_option("rerun_file", str, "", "Flows to re-run through the addons.")

    def running(self):
        if not ctx.options.rerun_file:
            return
        with open(ctx.options.rerun_file, "rb") as f:
            for fl in io.FlowReader(f).stream():
                ctx.master.addons.trigger("request", fl)
                ctx.master.addons.trigger("response", fl)
                for name in ("requestheaders", "responseheaders"):
                    ctx.master.addons.trigger(name, fl)
                ctx.master.addons.trigger("update", [fl], True)
                ctx.master.addons.invoke_addon(self, "response", fl)


addons = [Rerun()]
