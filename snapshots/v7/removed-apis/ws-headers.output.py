# Log the WebSocket handshake headers (mitmproxy 6 helpers).
from mitmproxy import ctx


def response(flow):
    if flow.response.status_code == 101:
        key = flow.request.headers.get("sec-websocket-key")
        accept = flow.response.headers.get("sec-websocket-accept")
        protocol = (flow.request.headers or flow.response.headers).get("sec-websocket-protocol")
        ctx.log.info(f"ws key={key} accept={accept} protocol={protocol}")
