# Log the WebSocket key and extensions a client offers.
from mitmproxy import ctx
from mitmproxy.net.websocket import get_client_key, get_extensions


def request(flow):
    if flow.request.headers.get("upgrade", "").lower() == "websocket":
        ctx.log.info("key %s" % get_client_key(flow.request.headers))
        ctx.log.info("extensions %s" % get_extensions(flow.request.headers))
