# Log the subprotocol and extensions of WebSocket upgrades (mitmproxy 6 helpers, reached
# through a module alias and through the fully qualified package name).
import mitmproxy
from mitmproxy import ctx


def response(flow):
    if flow.response.status_code == 101:
        protocol = flow.response.headers.get("sec-websocket-protocol")
        extensions = flow.response.headers.get("sec-websocket-extensions")
        ctx.log.info(f"upgrade: protocol={protocol} extensions={extensions}")
