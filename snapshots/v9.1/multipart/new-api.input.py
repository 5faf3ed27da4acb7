"""Already on the 10.x names; a different module's decode too."""
import json

from mitmproxy import http
from mitmproxy.net.http import multipart


def request(flow: http.HTTPFlow) -> None:
    ct = flow.request.headers.get("content-type")
    parts = multipart.decode_multipart(ct, flow.request.content)
    flow.metadata["parts"] = json.dumps([k.decode() for k, _ in parts])
    flow.metadata["body"] = flow.request.content.decode("utf-8", "replace")
