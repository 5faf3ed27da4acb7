from mitmproxy import ctx


class Reporter:
    def __init__(self, level="info"):
        self.level = level
        self.sink = ctx.log

    def request(self, flow):
        ctx.log(flow.request.url, self.level)
        ctx.log.info("a", "b")
        ctx.log.info(*flow.request.path.split("/"))
        report(ctx.log.warn, flow)


def report(fn, flow):
    fn(flow.request.host)


addons = [Reporter()]
