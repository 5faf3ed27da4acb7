"""Count TCP flows by outcome; it already handles tcp_error and tcp_end separately."""
from mitmproxy import ctx, tcp


class TcpOutcomes:
    def __init__(self):
        self.ok = 0
        self.failed = 0

    def tcp_error(self, flow: tcp.TCPFlow):
        self.failed += 1

    def tcp_end(self, flow: tcp.TCPFlow):
        if not flow.error:
            self.ok += 1

    def done(self):
        ctx.log.info(f"tcp_end: {self.ok} ok, tcp_error: {self.failed} failed")


addons = [TcpOutcomes()]
