"""Options that did not change in mitmproxy 9."""
from mitmproxy import ctx, http


def load(loader):
    loader.add_option("info_port", int, 8080, "Port shown on the info page")


def request(flow: http.HTTPFlow) -> None:
    if flow.request.path == "/info":
        body = f"port {ctx.options.info_port}, upstream cert {ctx.options.upstream_cert}"
        flow.response = http.Response.make(200, body.encode())
