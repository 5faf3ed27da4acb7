"""Replay stored flows through this addon's own hooks."""
from mitmproxy import ctx, eventsequence, io


class SelfReplay:
    def load(self, loader):
        loader.add_option("self_replay", str, "", "Flow file to feed through this addon.")

    def running(self):
        if not ctx.options.self_replay:
            return
        with open(ctx.options.self_replay, "rb") as f:
            for fl in io.FlowReader(f).stream():
                for name, obj in eventsequence.iterate(fl):
                    handler = getattr(self, name, None)
                    if handler:
                        handler(obj)
        ctx.log.info(f"{len(eventsequence.Events)} events known")


addons = [SelfReplay()]
