"""Normalise the Content-Type header: lower-case type, explicit UTF-8 charset for text."""
from mitmproxy import http
from mitmproxy.net.http import parse_content_type, status_codes


class ContentTypeRewriter:
    def response(self, flow: http.HTTPFlow):
        if flow.response.status_code != status_codes.OK:
            return
        parsed = parse_content_type(flow.response.headers.get("content-type", ""))
        if parsed is None:
            return
        kind, sub, params = parsed
        if kind.lower() == "text" and "charset" not in params:
            flow.response.headers["content-type"] = f"{kind.lower()}/{sub.lower()}; charset=utf-8"


addons = [ContentTypeRewriter()]
