# Answers some requests through the reply object itself; this has no mitmproxy 7 equivalent.
from mitmproxy import ctx, http


class Responder:
    def request(self, flow):
        if flow.request.path == "/ping":
            flow.reply.send(http.HTTPResponse.make(200, b"pong"))
        if flow.reply.has_message:
            ctx.log.info(f"answered {flow.reply.value}")
        if flow.reply.state == "start":
            flow.reply.ack()

    def response(self, flow):
        if flow.response.status_code >= 500:
            flow.reply.kill(force=True)


addons = [Responder()]
