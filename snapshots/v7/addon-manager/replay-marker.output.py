"""A command that marks flows and tells the other addons (and the UI) about it."""
import typing

from mitmproxy import command, ctx, flow, hooks


class Marker:
    @command.command("marker.mark")
    def mark(self, flows: typing.Sequence[flow.Flow], label: str) -> None:
        for f in flows:
            f.metadata["label"] = label
        ctx.master.addons.trigger(hooks.UpdateHook(flows))

    @command.command("marker.reset")
    def reset(self) -> None:
        ctx.options.update(view_filter=None)
        ctx.master.addons.trigger(hooks.ConfigureHook({"view_filter"}))

    def running(self):
        ctx.log.info("marker ready")


addons = [Marker()]
