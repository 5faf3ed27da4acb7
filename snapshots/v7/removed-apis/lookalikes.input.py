# Names that survived mitmproxy 7, and helpers of our own with similar names.
import socket

from mitmproxy import http
from mitmproxy.net import tls
from mitmproxy.net.http import cookies


def make_error_response(code, text):
    return http.Response.make(code, text.encode(), {"content-type": "text/plain"})


def request(flow: http.HTTPFlow):
    tcp = socket.create_connection(("127.0.0.1", 9))
    tcp.close()
    if tls.is_tls_record_magic(flow.request.raw_content[:3] or b"xxx"):
        flow.response = make_error_response(400, "TLS on a plain port")
    cookies.group_cookies(flow.request.headers.get_all("cookie"))
