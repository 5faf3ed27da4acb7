# Content-type aware recompression.
import mitmproxy.net.encoding
from mitmproxy.net.http.headers import parse_content_type
from mitmproxy.net.http import headers as nethttp


def response(flow):
    ctype = parse_content_type(flow.response.headers.get("content-type", ""))
    other = nethttp.parse_content_type("text/html; charset=utf-8")
    if ctype and ctype[0] == "text" and other:
        flow.response.raw_content = mitmproxy.net.encoding.encode(flow.response.content, "gzip")
