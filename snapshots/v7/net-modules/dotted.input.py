# Content-type aware recompression.
import mitmproxy.net.http.encoding
from mitmproxy.net.http import parse_content_type
from mitmproxy.net import http as nethttp


def response(flow):
    ctype = parse_content_type(flow.response.headers.get("content-type", ""))
    other = nethttp.parse_content_type("text/html; charset=utf-8")
    if ctype and ctype[0] == "text" and other:
        flow.response.raw_content = mitmproxy.net.http.encoding.encode(flow.response.content, "gzip")
