# Log the WebSocket key and extensions a client offers.
from mitmproxy import ctx


def request(flow):
    if flow.request.headers.get("upgrade", "").lower() == "websocket":
        ctx.log.info("key %s" % flow.request.headers.get("sec-websocket-key"))
        ctx.log.info("extensions %s" % flow.request.headers.get("sec-websocket-extensions"))
