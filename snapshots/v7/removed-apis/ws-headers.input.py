# Log the WebSocket handshake headers (mitmproxy 6 helpers).
from mitmproxy import ctx
from mitmproxy.net import websocket


def response(flow):
    if flow.response.status_code == 101:
        key = websocket.get_client_key(flow.request.headers)
        accept = websocket.get_server_accept(flow.response.headers)
        protocol = websocket.get_protocol(flow.request.headers or flow.response.headers)
        ctx.log.info(f"ws key={key} accept={accept} protocol={protocol}")
