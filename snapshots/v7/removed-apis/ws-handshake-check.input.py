# Flag WebSocket upgrades that are missing a key.
from mitmproxy import ctx
from mitmproxy.net.websocket import check_handshake, get_extensions


def request(flow):
    if check_handshake(flow.request.headers):
        ctx.log.info(f"extensions: {get_extensions(flow.request.headers)}")
