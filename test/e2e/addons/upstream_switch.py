"""Route requests for *.internal through a corporate upstream proxy (mitmproxy 6 upstream mode)."""
from mitmproxy import ctx, http
from mitmproxy.net.http import Headers

CORPORATE = ("proxy.corp.example", 3128)


def request(flow: http.HTTPFlow) -> None:
    if ctx.options.mode.startswith("upstream") and flow.request.pretty_host.endswith(".internal"):
        flow.request.headers["Via"] = "1.1 mitm-codemod-example"
        ctx.log.info("routing %s via %s:%d" % (flow.request.pretty_host, *CORPORATE))
    if flow.request.path == "/proxy-status":
        flow.response = http.HTTPResponse.make(
            200,
            b"upstream: %s" % ctx.options.mode.encode(),
            Headers(content_type="text/plain"),
        )


def serverconnect(conn):
    ctx.log.debug("connected to %s (source %s)" % (conn.address, conn.source_address))


def serverdisconnect(conn):
    if conn.tls_established:
        ctx.log.debug("closed TLS connection to %s" % (conn.address,))
