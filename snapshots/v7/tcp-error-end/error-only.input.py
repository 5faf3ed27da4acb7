# Report failed raw TCP flows: mitmproxy -s tcp_failures.py
from mitmproxy import tcp


def tcp_message(flow: tcp.TCPFlow):
    print(len(flow.messages[-1].content), "bytes")


def tcp_error(flow: tcp.TCPFlow):
    print("TCP flow failed:", flow.error)
