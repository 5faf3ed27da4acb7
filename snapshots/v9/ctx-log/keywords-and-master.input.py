"""Log through the master and with keyword arguments (mitmproxy 8)."""
from mitmproxy import ctx, http


class Auditor:
    def running(self):
        ctx.master.log.info("auditor ready")

    def request(self, flow: http.HTTPFlow):
        ctx.log.warn(txt=f"audit {flow.request.pretty_url}")
        ctx.log(text="header count: %d" % len(flow.request.headers), level="debug")
        ctx.log(level="alert", text="audit log rotated") if flow.request.path == "/rotate" else None

    def response(self, flow: http.HTTPFlow):
        ctx.master.log(flow.response.status_code)
        notify = ctx.master.log.error
        notify("stored")


addons = [Auditor()]
