"""Decode compressed request bodies before logging them."""
from mitmproxy import ctx
from mitmproxy.net.http import encoding


def request(flow):
    enc = flow.request.headers.get("content-encoding", "identity")
    body = encoding.decode(flow.request.raw_content, enc)
    ctx.log.info(f"{len(body)} bytes after {enc}")
