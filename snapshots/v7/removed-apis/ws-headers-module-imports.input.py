# Log the subprotocol and extensions of WebSocket upgrades (mitmproxy 6 helpers, reached
# through a module alias and through the fully qualified package name).
import mitmproxy
import mitmproxy.net.websocket as ws
from mitmproxy import ctx


def response(flow):
    if flow.response.status_code == 101:
        protocol = ws.get_protocol(flow.response.headers)
        extensions = mitmproxy.net.websocket.get_extensions(flow.response.headers)
        ctx.log.info(f"upgrade: protocol={protocol} extensions={extensions}")
