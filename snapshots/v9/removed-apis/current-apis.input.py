"""Uses the builtin TypeError, threading and format_msgpack: nothing removed."""
import threading

from mitmproxy import contentviews, tcp
from mitmproxy.contentviews import msgpack


def tcp_message(flow: tcp.TCPFlow):
    message = flow.messages[-1]
    try:
        lines = msgpack.format_msgpack(msgpack.parse_msgpack(message.content))
    except TypeError:
        return
    threading.Thread(target=print, args=(lines,), daemon=True).start()
    contentviews.get_message_content_view("auto", message, flow)
