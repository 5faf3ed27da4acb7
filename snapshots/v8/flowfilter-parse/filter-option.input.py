"""Save the flows that match a user-supplied filter expression."""
from mitmproxy import ctx, flowfilter, http, io


class Saver:
    def __init__(self):
        self.filter = None
        self.writer = None

    def load(self, loader):
        loader.add_option("save_filter", str, "", "Only save flows matching this filter")
        loader.add_option("save_path", str, "saved.mitm", "Where to write the flows")

    def configure(self, updated):
        self.filter = flowfilter.parse(ctx.options.save_filter)
        if "save_path" in updated:
            self.writer = io.FlowWriter(open(ctx.options.save_path, "wb"))

    def response(self, flow: http.HTTPFlow) -> None:
        if flowfilter.match(self.filter, flow):
            self.writer.add(flow)


addons = [Saver()]
