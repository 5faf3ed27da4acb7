"""Route by the SNI the client sent (mitmproxy 6 read it from the pyOpenSSL connection)."""
from mitmproxy import ctx, http

ROUTES = {"api.internal": ("10.1.0.5", 443)}


def request(flow: http.HTTPFlow):
    sni = flow.client_conn.connection.get_servername()
    if sni is None:
        return
    name = flow.client_conn.connection.get_servername().decode()
    if name in ROUTES:
        flow.request.host, flow.request.port = ROUTES[name]
        ctx.log.info(f"routed {sni!r} to {ROUTES[name]}")
