# Already on mitmproxy 7: the headers module and the moved encoding module.
import encodings

from mitmproxy import http
from mitmproxy.net import encoding
from mitmproxy.net.http import headers


def response(flow: http.HTTPFlow):
    # mitmproxy.net.http.encoding was the mitmproxy 6 name
    kind = headers.parse_content_type(flow.response.headers.get("content-type", ""))
    if kind and flow.response.headers.get("content-encoding") == "br":
        flow.response.content = encoding.decode(flow.response.raw_content, "br")
    assert encodings.search_function("utf-8")
