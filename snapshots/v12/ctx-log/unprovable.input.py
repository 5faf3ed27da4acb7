from mitmproxy import ctx


class Reporter:
    def __init__(self, level="info"):
        self.level = level

    def response(self, flow):
        ctx.log(flow.request.url, self.level)
        ctx.log.info("status", flow.response.status_code)
