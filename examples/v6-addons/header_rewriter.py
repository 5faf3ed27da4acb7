"""Rewrite headers on the way in and out; warn about insecure cookies."""
from mitmproxy import ctx
from mitmproxy.net.http import Headers
from mitmproxy.http import HTTPFlow

STRIP = ("x-powered-by", "server")


def request(flow: HTTPFlow):
    flow.request.headers["User-Agent"] = "mitm-codemod-example/1.0"
    if "authorization" in flow.request.headers:
        ctx.log.debug("request to %s carries credentials" % flow.request.host)


def response(flow: HTTPFlow):
    cleaned = Headers()
    for name, value in flow.response.headers.items(multi=True):
        if name.lower() not in STRIP:
            cleaned.add(name, value)
    flow.response.headers = cleaned
    for cookie in flow.response.headers.get_all("set-cookie"):
        if "secure" not in cookie.lower():
            ctx.log("insecure cookie from %s" % flow.request.host, "warn")
