"""Log every request and response at a level that matches its status."""
from mitmproxy import ctx, http


class StatusLogger:
    def request(self, flow: http.HTTPFlow):
        ctx.log.debug(f"-> {flow.request.method} {flow.request.pretty_url}")

    def response(self, flow: http.HTTPFlow):
        code = flow.response.status_code
        if code >= 500:
            ctx.log.error("%s answered %d" % (flow.request.host, code))
        elif code >= 400:
            ctx.log.warn(f"{flow.request.host} answered {code}")
        else:
            ctx.log.info(f"{flow.request.host} ok")
        if flow.request.host.endswith(".internal"):
            ctx.log.alert("internal host reached through the proxy!")


addons = [StatusLogger()]
