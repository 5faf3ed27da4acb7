"""Record upstream TLS details: resolved IP, local port, certificate and chain."""
from mitmproxy import ctx, http


class UpstreamAudit:
    def __init__(self):
        self.seen = {}

    def response(self, flow: http.HTTPFlow):
        server = flow.server_conn
        ip = server.peername[0] if server.peername else None
        cert = (flow.server_conn.certificate_list[0] if flow.server_conn.certificate_list else None)
        self.seen[flow.server_conn.address] = {
            "ip": ip,
            "local": flow.server_conn.sockname,
            "cn": cert.cn if cert else None,
            "chain": len(flow.server_conn.certificate_list),
            "alpn": flow.server_conn.alpn,
            "open": flow.server_conn.connected,
        }

    def server_connected(self, data):
        ctx.log.debug(f"{data.server.address} is {data.server.peername}")


addons = [UpstreamAudit()]
