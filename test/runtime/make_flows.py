"""Write the flow file that the runtime tests replay with `mitmdump -n -r FILE`.

Run with the interpreter that has mitmproxy (Debian: /usr/bin/python3):

    /usr/bin/python3 test/runtime/make_flows.py OUT.mitm

Every flow comes from mitmproxy's own test helpers (mitmproxy.test.tflow) and is
written with mitmproxy.io.FlowWriter; only hosts, paths, headers and message
payloads are adjusted so that each example addon's hooks have something to do.
The test (runtime.test.ts) asserts on the values set here.
"""
import json
import sys

from mitmproxy import http, io
from mitmproxy.test import tflow
from mitmproxy.websocket import WebSocketMessage
from wsproto.frame_protocol import Opcode


def blocked_request():
    # block_ads.py: a request to a host on its blocklist (the flow already has a response,
    # as a recorded flow would; the addon replaces it with its 403 page).
    f = tflow.tflow(resp=True)
    f.request.host = "ads.example.com"
    f.request.port = 80
    f.request.path = "/banner.js"
    f.request.headers["Host"] = "ads.example.com"
    return f


def api_request():
    # header_rewriter.py: credentials on the request, Server / X-Powered-By and an insecure
    # cookie on the response. json_view.py: a JSON body whose keys are out of order.
    f = tflow.tflow(resp=True)
    f.request.host = "api.example.com"
    f.request.port = 80
    f.request.path = "/v1/profile"
    f.request.headers["Host"] = "api.example.com"
    f.request.headers["Authorization"] = "Bearer t0ken"
    f.request.headers["User-Agent"] = "curl/7.88.1"
    f.request.content = b""
    f.response.headers["Content-Type"] = "application/json"
    f.response.headers["Server"] = "nginx/1.22.1"
    f.response.headers["X-Powered-By"] = "PHP/8.2"
    f.response.headers.add("Set-Cookie", "session=abc123; Path=/; HttpOnly")
    f.response.headers.add("Set-Cookie", "prefs=dark; Path=/; Secure")
    f.response.content = json.dumps({"zeta": 1, "alpha": {"c": 3, "b": 2}}).encode()
    return f


def websocket_flow():
    # websocket_logger.py: a chat socket; the client's second message carries a secret.
    # Text messages only: the example treats message contents as text, as mitmproxy 6
    # addons did for text frames (mitmproxy 6 passed binary frames as bytes).
    f = tflow.twebsocketflow()
    f.request.host = "chat.example.com"
    f.request.path = "/socket"
    f.request.headers["Host"] = "chat.example.com"
    f.websocket.messages = [
        WebSocketMessage(Opcode.TEXT, True, b"hello", 946681203),
        WebSocketMessage(Opcode.TEXT, False, b"welcome, alice", 946681204),
        WebSocketMessage(Opcode.TEXT, True, b"my secret is 1234", 946681205),
    ]
    return f


def tcp_flow():
    # websocket_logger.py also logs raw TCP messages (their API did not change in 7).
    f = tflow.ttcpflow()
    f.server_conn.address = ("mail.example.com", 25)
    f.messages[0].content = b"EHLO client.example\r\n"
    f.messages[1].content = b"250 mail.example.com\r\n"
    return f


def main(path):
    with open(path, "wb") as fo:
        w = io.FlowWriter(fo)
        for f in (blocked_request(), api_request(), websocket_flow(), tcp_flow()):
            w.add(f)


if __name__ == "__main__":
    main(sys.argv[1])
