"""Hold requests that carry an X-Hold header until the operator releases them."""
from mitmproxy import command, ctx, http


class Gate:
    def __init__(self):
        self.held: list[http.HTTPFlow] = []
        self.blocked = {"ads.example.com", "tracker.example.net"}

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.request.host in self.blocked:
            flow.reply.kill()
            return
        if "x-hold" in flow.request.headers:
            flow.reply.take()
            self.held.append(flow)
            ctx.log.info(f"holding {flow.request.pretty_url}")

    def response(self, flow: http.HTTPFlow) -> None:
        if flow.response.status_code == 429 and flow.reply.state == "taken":
            flow.reply.commit()

    @command.command("gate.release")
    def release(self) -> None:
        for f in self.held:
            f.reply.commit()
        self.held.clear()


addons = [Gate()]
