"""flow.kill() and a process's kill() are not WebSocketMessage.kill()."""
import subprocess

from mitmproxy import http

helper = subprocess.Popen(["sleep", "3600"])


def websocket_message(flow: http.HTTPFlow) -> None:
    if b"quit" in flow.websocket.messages[-1].content:
        flow.kill()


def done():
    helper.kill()
