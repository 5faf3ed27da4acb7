"""Pretty-print TCP messages with a content view, in a background thread (mitmproxy 8)."""
from mitmproxy import contentviews, exceptions, log, tcp
from mitmproxy.contentviews import msgpack
from mitmproxy.coretypes.basethread import BaseThread


class Printer(BaseThread):
    def __init__(self, text):
        super().__init__("printer")
        self.text = text

    def run(self):
        print(self.text)


def tcp_message(flow: tcp.TCPFlow):
    message = flow.messages[-1]
    try:
        desc, lines = contentviews.get_tcp_content_view("auto", message.content, flow)
    except exceptions.TypeError:
        return
    if message.content[:1] == b"\x81":
        Printer(msgpack.pretty(msgpack.parse_msgpack(message.content))).start()
    if log.LogTierOrder.index("info") > 1:
        Printer(desc).start()
