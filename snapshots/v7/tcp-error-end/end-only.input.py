"""Close per-flow capture files when a TCP flow ends."""
from mitmproxy import ctx, tcp


class TcpCapture:
    def __init__(self):
        self.files = {}

    def tcp_start(self, flow: tcp.TCPFlow):
        self.files[flow.id] = open(f"/tmp/{flow.id}.bin", "wb")

    def tcp_message(self, flow: tcp.TCPFlow):
        self.files[flow.id].write(flow.messages[-1].content)

    def tcp_end(self, flow: tcp.TCPFlow):
        self.files.pop(flow.id).close()
        ctx.log.info(f"capture {flow.id} closed")


addons = [TcpCapture()]
