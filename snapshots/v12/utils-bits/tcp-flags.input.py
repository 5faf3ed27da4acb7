"""Decode a custom binary protocol's flag byte in TCP messages."""
import logging

from mitmproxy import tcp
from mitmproxy.utils import bits


def tcp_message(flow: tcp.TCPFlow) -> None:
    msg = flow.messages[-1]
    if not msg.content:
        return
    flags = msg.content[0]
    compressed = bits.getbit(flags, 0)
    urgent = bits.getbit(flags, 7)
    logging.info("compressed=%s urgent=%s", compressed, urgent)
    if urgent:
        msg.content = bytes([bits.setbit(flags, 7, False)]) + msg.content[1:]
