"""Mark flows with big responses, and let the user mark or unmark the current selection."""
import typing

from mitmproxy import command, ctx, flow, http


class Marker:
    @command.command("marker.set")
    def set(self, flows: typing.Sequence[flow.Flow], value: bool) -> None:
        for f in flows:
            f.marked = True if value else False
        for f in flows:
            f.marked = False

    def response(self, flow: http.HTTPFlow):
        if len(flow.response.raw_content or b"") > 1_000_000:
            flow.marked = True
        if flow.marked == True:
            ctx.log.info(f"marked {flow.request.url}")
        flow.response.encode(e="gzip")

    def update(self, flows):
        for f in flows:
            if f.marked:
                f.marked = False


addons = [Marker()]
