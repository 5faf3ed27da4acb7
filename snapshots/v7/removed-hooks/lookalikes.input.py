"""An addon with helpers that share names with removed hooks (it calls them itself)."""
from mitmproxy import ctx


class Handshakes:
    def websocket_handshake(self, flow):
        return flow.request.headers.get("upgrade", "").lower() == "websocket"

    def request(self, flow):
        # websocket_handshake(flow) is our own helper, not the removed hook
        if self.websocket_handshake(flow):
            ctx.log.info("next_layer and websocket_error are not used by this addon")


addons = [Handshakes()]
