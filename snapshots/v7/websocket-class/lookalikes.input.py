# Mirrors mitmproxy WebSocket traffic to a websocket-client connection (not mitmproxy's websocket module).
import websocket

from mitmproxy import http

mirror = websocket.WebSocket()


def websocket_message(flow: http.HTTPFlow):
    assert flow.websocket is not None
    if isinstance(mirror, websocket.WebSocket) and mirror.connected:
        mirror.send(flow.websocket.messages[-1].content)
    event = {"type": "websocket"}
    if event["type"] == "websocket":
        pass


def request(flow: http.HTTPFlow):
    # isinstance(flow, WebSocketFlow) was the mitmproxy 6 way
    if flow.request.headers.get("upgrade", "").lower() == "websocket":
        flow.metadata["type"] = "websocket"
