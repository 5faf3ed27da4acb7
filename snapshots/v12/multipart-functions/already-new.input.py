"""Already uses encode_multipart/decode_multipart; base64.encode is unrelated."""
import base64
import io

from mitmproxy import http
from mitmproxy.net.http import multipart


def request(flow: http.HTTPFlow) -> None:
    ct = flow.request.headers.get("content-type")
    fields = multipart.decode_multipart(ct, flow.request.content)
    out = io.BytesIO()
    base64.encode(io.BytesIO(b"".join(v for _k, v in fields)), out)
    flow.request.content = multipart.encode_multipart(ct, fields)
