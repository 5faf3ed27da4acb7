"""Hold requests to /slow until the user releases them with the `slow.release` command."""
import threading
import typing

from mitmproxy import command, ctx, flow, http


class Interceptor:
    def __init__(self):
        self.held: typing.List[http.HTTPFlow] = []

    def request(self, flow: http.HTTPFlow):
        if flow.request.path.startswith("/slow"):
            flow.intercept()
            self.held.append(flow)
            threading.Timer(30, self.release_one, args=(flow,)).start()
        elif flow.request.path.startswith("/blocked"):
            flow.kill()

    def release_one(self, f):
        if f in self.held:
            self.held.remove(f)
            ctx.master.event_loop.call_soon_threadsafe(f.resume)

    @command.command("slow.release")
    def release(self, flows: typing.Sequence[flow.Flow]) -> None:
        for f in flows:
            if f in self.held:
                self.held.remove(f)
                ctx.master.event_loop.call_soon_threadsafe(f.resume)


addons = [Interceptor()]
