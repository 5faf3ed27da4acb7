# Master attributes that mitmproxy 7 kept, and a server of our own.
from mitmproxy import ctx
from mitmproxy.test import taddons


class Status:
    def __init__(self):
        self.server = None

    def running(self):
        ctx.master.commands.call("view.focus.next")
        tlsconfig = ctx.master.addons.get("tlsconfig")
        ctx.log.info(f"{self.server} {tlsconfig}")


def test_status():
    s = Status()
    with taddons.context(s) as tctx:
        tctx.configure(s)
        s.running()
