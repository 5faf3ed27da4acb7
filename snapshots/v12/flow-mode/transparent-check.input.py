"""Tag responses with the proxy mode they were seen in (mitmproxy 8 style)."""
from mitmproxy import http


class ModeTagger:
    def request(self, flow: http.HTTPFlow) -> None:
        if flow.mode == "transparent":
            flow.request.headers["x-seen-transparently"] = "1"

    def response(self, flow: http.HTTPFlow) -> None:
        flow.response.headers["x-proxy-mode"] = flow.mode


addons = [ModeTagger()]
