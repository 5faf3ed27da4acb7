import mitmproxy.utils.strutils
from mitmproxy import tcp


def tcp_message(flow: tcp.TCPFlow) -> None:
    first = flow.messages[-1].content[:1]
    if first and mitmproxy.utils.bits.getbit(first[0], 0):
        print(mitmproxy.utils.strutils.bytes_to_escaped_str(first))
