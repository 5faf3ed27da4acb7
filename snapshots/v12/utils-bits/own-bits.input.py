"""A local bits helper module (not mitmproxy.utils.bits)."""
from mitmproxy import tcp

import bits


def tcp_message(flow: tcp.TCPFlow) -> None:
    data = flow.messages[-1].content
    if data and bits.getbit(data[0], 0):
        print("bit 0 set (mitmproxy.utils.bits is gone, so we keep our own)")
