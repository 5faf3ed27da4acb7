"""An addon with its own should_exit event and a run() method of its own."""
import threading

from mitmproxy import ctx, http


class Poller:
    def __init__(self):
        self.should_exit = threading.Event()
        self.thread = threading.Thread(target=self.run)

    def running(self):
        self.thread.start()

    def run(self):
        while not self.should_exit.wait(5):
            ctx.log.info("still alive")

    def response(self, flow: http.HTTPFlow) -> None:
        flow.response.headers["x-poller"] = "1"

    def done(self):
        self.should_exit.set()
        ctx.master.shutdown()


addons = [Poller()]
